package org.secondshift.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.secondshift.slack.TeamClients;
import org.secondshift.slack.blocks.Rendered;
import org.secondshift.slack.blocks.Renderer;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxRow;
import org.secondshift.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains due outbox rows to Slack within the send limits of each workspace: on 429 it waits as long
 * as Slack says, on other failures it backs off up to {@link #MAX_ATTEMPTS}, on an error no retry
 * can fix it gives up, and on success it records the message's ts. When Slack refuses the bot token
 * itself, nothing more is sent to that workspace until the bot restarts, and its rows wait.
 */
public final class OutboxSender {
  static final int MAX_ATTEMPTS = 10;

  /** How many due rows one drain claims at most, unless told otherwise. */
  public static final int CLAIM_BATCH = 100;

  /**
   * How long the right to send lasts without renewal: the sending instance renews it at every drain
   * (at least once a second), and another takes over this long after it died.
   */
  static final Duration SENDER_LEASE = Duration.ofSeconds(15);

  static final Duration LEASE = Duration.ofMinutes(2);
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  // Errors that no retry can fix; anything else (timeouts, 5xx, fatal_error) is tried again.
  private static final Set<String> PERMANENT =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "msg_too_long",
          "no_text",
          "invalid_blocks",
          "invalid_blocks_format",
          "user_not_found",
          "user_disabled",
          "cant_update_message",
          "message_not_found",
          "edit_window_closed",
          "restricted_action",
          "cannot_dm_bot",
          "missing_scope",
          "invalid_channel",
          "posting_to_general_channel_denied",
          "file_uploads_disabled",
          "file_uploads_except_images_disabled",
          "storage_limit_reached",
          "no_permission",
          "access_denied");

  /**
   * Slack refuses the token itself (uninstalled, revoked, expired, wrong): no row of the workspace
   * can go out with that token; a new one (a reinstall, a rotation) lets them go again.
   */
  static final Set<String> TOKEN_REFUSED =
      Set.of("invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_authed");

  private final OutboxStore store;
  private final TeamClients slack;
  private final SendLimits limits;
  private final Clock clock;
  private final int claimBatch;
  private final Undeliverable undeliverable;
  private final String claimer = "sender-" + UUID.randomUUID();
  private volatile boolean stopping;
  // Each workspace is paced on its own: one team's 429 never holds up another's messages.
  private final Map<String, RateGate> gates = new HashMap<>();
  // The client (so the token) Slack refused, per team: a team with a new client is let go again.
  private final Map<String, MethodsClient> tokenRefused = new ConcurrentHashMap<>();
  private final Set<String> scopeWarned = ConcurrentHashMap.newKeySet();
  private final Map<String, String> directMessages = new ConcurrentHashMap<>();
  // Pure: notices queued inside a transaction get their words here, as they are sent.
  private final Renderer renderer = new Renderer();

  public OutboxSender(OutboxStore store, TeamClients slack, SendLimits limits, Clock clock) {
    this(store, slack, limits, clock, CLAIM_BATCH, Undeliverable.markFailed(store));
  }

  /**
   * As above, claiming at most {@code claimBatch} rows at a time: with several instances sharing
   * one outbox, smaller claims spread the rows over the senders.
   */
  public OutboxSender(
      OutboxStore store, TeamClients slack, SendLimits limits, Clock clock, int claimBatch) {
    this(store, slack, limits, clock, claimBatch, Undeliverable.markFailed(store));
  }

  /** As above, handing the rows it gives up on to {@code undeliverable}. */
  public OutboxSender(
      OutboxStore store,
      TeamClients slack,
      SendLimits limits,
      Clock clock,
      int claimBatch,
      Undeliverable undeliverable) {
    if (claimBatch < 1) {
      throw new IllegalArgumentException("claimBatch must be at least 1: " + claimBatch);
    }
    this.claimBatch = claimBatch;
    this.store = store;
    this.slack = slack;
    this.limits = limits;
    this.clock = clock;
    this.undeliverable = undeliverable;
  }

  /**
   * Sends what may go now and returns when there will be more to do, or empty when nothing waits.
   */
  public synchronized Optional<Instant> drainOnce() {
    Instant now = clock.instant();
    if (!store.holdSending(claimer, now, SENDER_LEASE)) {
      // Another instance sends, within the limits it keeps; look again soon in case it died.
      return Optional.of(now.plusSeconds(1));
    }
    List<OutboxRow> rows = store.claimDue(now, claimBatch, LEASE, claimer, paused());
    for (OutboxRow row : rows) {
      if (stopping) {
        break;
      }
      String team = row.message().teamId();
      Optional<MethodsClient> client = slack.of(team);
      if (client.isEmpty()) {
        // Uninstalled meanwhile: its rows are being erased; this one is not sent.
        giveUp(row, "not_installed");
        continue;
      }
      if (tokenRefused.get(team) == client.get()) {
        store.unclaim(row.id());
        continue;
      }
      now = clock.instant();
      RateGate gate = gates.computeIfAbsent(team, t -> new RateGate(limits, clock.instant()));
      String lane = lane(row.message());
      Instant ready = gate.readyAt(lane, now);
      if (ready.isAfter(now)) {
        store.retryAt(row.id(), ready, null, false);
        continue;
      }
      gate.spend(lane, now);
      send(row, client.get(), gate);
    }
    if (stopping) {
      store.release(claimer);
      return Optional.empty();
    }
    // Held-back rows were rescheduled in the store, so its earliest due time covers them too.
    return store.nextDue(paused());
  }

  /** The workspaces whose current token Slack refused. */
  public Set<String> paused() {
    tokenRefused.entrySet().removeIf(e -> slack.of(e.getKey()).orElse(null) != e.getValue());
    return Set.copyOf(tokenRefused.keySet());
  }

  /** Stops after the message being sent and gives back the rest of the claimed rows. */
  public synchronized void stop() {
    stopping = true;
    store.release(claimer);
    store.releaseSending(claimer);
  }

  /** Told of each message delivered or given up, by kind (for the metrics). */
  public interface Deliveries {
    void delivered(OutboxKind kind);

    void givenUp(OutboxKind kind);
  }

  private volatile Deliveries deliveries =
      new Deliveries() {
        @Override
        public void delivered(OutboxKind kind) {}

        @Override
        public void givenUp(OutboxKind kind) {}
      };

  /** From now on tells {@code observer} of each message delivered or given up. */
  public OutboxSender observedBy(Deliveries observer) {
    this.deliveries = observer;
    return this;
  }

  /**
   * Asks a drain in progress to stop after its current message; {@link #stop()} then waits for it.
   */
  public void requestStop() {
    stopping = true;
  }

  private void send(OutboxRow row, MethodsClient slack, RateGate gate) {
    OutboxMessage m = row.message();
    Rendered words;
    try {
      words = renderer.render(m);
    } catch (IllegalArgumentException e) {
      log.error("outbox row {} ({}) has no words and is given up: {}", row.id(), m.kind(), e);
      deliveries.givenUp(m.kind());
      undeliverable.giveUp(row, "unrenderable_notice", clock.instant());
      return;
    }
    try {
      SlackApiTextResponse response =
          switch (m.method()) {
            case OutboxMessage.POST -> post(slack, m, words);
            case OutboxMessage.UPDATE -> update(slack, m, words);
            default -> upload(slack, m, words);
          };
      if (response.isOk()) {
        sent(row, response);
      } else {
        refused(row, slack, response.getError(), response.getNeeded());
      }
    } catch (SlackFilesUploadV2Exception e) {
      // filesUploadV2 reports Slack's ok:false as this exception, carrying each step's answer.
      UploadRefusal r = uploadRefusal(e);
      if (r.slackError()) {
        refused(row, slack, r.error(), r.needed());
      } else {
        retryLater(row, r.error());
      }
    } catch (SlackRefusal e) {
      refused(row, slack, e.error, e.needed);
    } catch (SlackApiException e) {
      httpError(row, e, gate);
    } catch (IOException | RuntimeException e) {
      log.warn("outbox row {} to {} could not be sent: {}", row.id(), m.channel(), e.toString());
      retryLater(row, e.toString());
    }
  }

  private void sent(OutboxRow row, SlackApiTextResponse response) {
    OutboxMessage m = row.message();
    Instant now = clock.instant();
    deliveries.delivered(m.kind());
    if (m.kind() == OutboxKind.FAREWELL) {
      // Nothing about them may stay: a delivered goodbye is deleted rather than marked sent.
      store.delete(row.id());
      return;
    }
    if (response instanceof ChatPostMessageResponse p) {
      store.markSent(row.id(), p.getChannel(), p.getTs(), now);
    } else if (response instanceof ChatUpdateResponse u) {
      store.markSent(row.id(), u.getChannel(), u.getTs(), now);
    } else {
      store.markSent(row.id(), m.channel(), null, now);
    }
  }

  /** Slack answered ok:false with {@code error}. */
  private void refused(OutboxRow row, MethodsClient slack, String error, String needed) {
    OutboxMessage m = row.message();
    Instant now = clock.instant();
    if (TOKEN_REFUSED.contains(error)) {
      pauseWorkspace(m.teamId(), slack, error);
      // Not the message's fault: it keeps its place and its attempts, and waits for a good token.
      store.retryAt(row.id(), now, error, false);
      return;
    }
    if ("missing_scope".equals(error) && scopeWarned.add(m.teamId() + "/" + needed)) {
      log.error(
          "Slack says the app lacks the scope {} in team {} ({} was refused): reinstall the app"
              + " with the scopes in manifest.yml",
          needed,
          m.teamId(),
          m.method());
    }
    if (PERMANENT.contains(error)) {
      giveUp(row, error);
    } else {
      retryLater(row, error);
    }
  }

  private void retryLater(OutboxRow row, String error) {
    if (row.attempts() + 1 >= MAX_ATTEMPTS) {
      giveUp(row, error);
    } else {
      store.retryAt(row.id(), clock.instant().plus(backoff(row.attempts())), error, true);
    }
  }

  private void giveUp(OutboxRow row, String error) {
    OutboxMessage m = row.message();
    log.warn(
        "giving up on outbox row {} ({} to {} in team {}) after {} attempt(s): {}",
        row.id(),
        m.kind(),
        m.channel(),
        m.teamId(),
        row.attempts() + 1,
        error);
    deliveries.givenUp(m.kind());
    undeliverable.giveUp(row, error, clock.instant());
  }

  private void pauseWorkspace(String teamId, MethodsClient refused, String error) {
    if (tokenRefused.put(teamId, refused) != refused) {
      log.error(
          "Slack refused the bot token for team {} ({}): nothing more is sent to that workspace;"
              + " its messages are kept and go out once it has a working token. Reinstall the"
              + " app to the workspace (or fix SLACK_BOT_TOKEN and restart).",
          teamId,
          error);
    }
  }

  private void httpError(OutboxRow row, SlackApiException e, RateGate gate) {
    Instant now = clock.instant();
    if (e.getResponse().code() == 429) {
      long seconds = retryAfterSeconds(e.getResponse().header("Retry-After"));
      Instant until = now.plusSeconds(seconds);
      gate.pauseUntil(until);
      store.retryAt(row.id(), until, "ratelimited", false);
      log.info(
          "Slack asked to slow down for {} s; outbox paused for team {}",
          seconds,
          row.message().teamId());
    } else {
      retryLater(row, "HTTP " + e.getResponse().code());
    }
  }

  private ChatPostMessageResponse post(MethodsClient slack, OutboxMessage m, Rendered words)
      throws IOException, SlackApiException {
    return slack.chatPostMessage(
        r -> r.channel(m.channel()).text(words.text()).blocksAsString(words.blocksJson()));
  }

  private ChatUpdateResponse update(MethodsClient slack, OutboxMessage m, Rendered words)
      throws IOException, SlackApiException {
    return slack.chatUpdate(
        r ->
            r.channel(m.channel())
                .ts(m.targetTs())
                .text(words.text())
                .blocksAsString(words.blocksJson()));
  }

  private FilesUploadV2Response upload(MethodsClient slack, OutboxMessage m, Rendered words)
      throws IOException, SlackApiException, SlackRefusal {
    String channel = directMessageChannel(slack, m.teamId(), m.channel());
    return slack.filesUploadV2(
        r ->
            r.channel(channel)
                .initialComment(words.text())
                .filename(m.file().name())
                .title(m.file().title())
                .fileData(m.file().bytes())
                .requestFileInfo(false));
  }

  /** Files can only be shared into a conversation, so a user id is turned into their DM first. */
  private String directMessageChannel(MethodsClient slack, String teamId, String channel)
      throws IOException, SlackApiException, SlackRefusal {
    if (!(channel.startsWith("U") || channel.startsWith("W"))) {
      return channel;
    }
    String key = teamId + "/" + channel;
    String dm = directMessages.get(key);
    if (dm == null) {
      var opened = slack.conversationsOpen(r -> r.users(List.of(channel)));
      if (!opened.isOk()) {
        throw new SlackRefusal(opened.getError(), opened.getNeeded());
      }
      dm = opened.getChannel().getId();
      directMessages.put(key, dm);
    }
    return dm;
  }

  /**
   * What went wrong inside {@code filesUploadV2}: Slack's error from {@code
   * files.getUploadURLExternal} or {@code files.completeUploadExternal}, or the upload's HTTP
   * status. See the SDK's {@code FilesUploadV2Helper}, which throws after the first step that
   * fails.
   */
  static UploadRefusal uploadRefusal(SlackFilesUploadV2Exception e) {
    for (FilesGetUploadURLExternalResponse r : e.getGetURLResponses()) {
      if (!r.isOk()) {
        return new UploadRefusal(r.getError(), r.getNeeded(), true);
      }
    }
    for (FilesUploadV2Response.UploadResponse u : e.getUploadResponses().values()) {
      if (u.getCode() != 200) {
        return new UploadRefusal("upload answered HTTP " + u.getCode(), null, false);
      }
    }
    FilesCompleteUploadExternalResponse complete = e.getCompleteResponse();
    if (complete != null && !complete.isOk()) {
      return new UploadRefusal(complete.getError(), complete.getNeeded(), true);
    }
    return new UploadRefusal("files upload failed", null, false);
  }

  /** Why an upload failed; {@code slackError} when Slack answered ok:false with {@code error}. */
  record UploadRefusal(String error, String needed, boolean slackError) {}

  /** Slack answered ok:false to a step before the message itself. */
  private static final class SlackRefusal extends Exception {
    final String error;
    final String needed;

    SlackRefusal(String error, String needed) {
      super(error, null, false, false);
      this.error = error;
      this.needed = needed;
    }
  }

  /** Slack paces messages per channel; file uploads are limited on their own. */
  private static String lane(OutboxMessage m) {
    return OutboxMessage.UPLOAD.equals(m.method()) ? "files:" + m.channel() : m.channel();
  }

  static Duration backoff(int attempts) {
    long seconds = Math.min(3600, 5L << Math.min(attempts, 10));
    return Duration.ofSeconds(seconds);
  }

  static long retryAfterSeconds(String header) {
    try {
      return header == null ? 30 : Math.max(1, Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return 30;
    }
  }
}
