package org.secondshift.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxRow;
import org.secondshift.store.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains due outbox rows to Slack within the send limits: on 429 it waits as long as Slack says, on
 * other failures it backs off, and on success it records the message's ts.
 */
public final class OutboxSender {
  static final int MAX_ATTEMPTS = 10;
  static final int CLAIM_BATCH = 100;

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
          "cannot_dm_bot");

  private final OutboxStore store;
  private final MethodsClient slack;
  private final Clock clock;
  private final RateGate gate;
  private final int claimBatch;
  private final String claimer = "sender-" + java.util.UUID.randomUUID();
  private volatile boolean stopping;
  private final java.util.Map<String, String> directMessages =
      new java.util.concurrent.ConcurrentHashMap<>();

  public OutboxSender(OutboxStore store, MethodsClient slack, SendLimits limits, Clock clock) {
    this(store, slack, limits, clock, CLAIM_BATCH);
  }

  /**
   * As above, claiming at most {@code claimBatch} rows at a time: with several instances sharing
   * one outbox, smaller claims spread the rows over the senders.
   */
  public OutboxSender(
      OutboxStore store, MethodsClient slack, SendLimits limits, Clock clock, int claimBatch) {
    if (claimBatch < 1) {
      throw new IllegalArgumentException("claimBatch must be at least 1: " + claimBatch);
    }
    this.claimBatch = claimBatch;
    this.store = store;
    this.slack = slack;
    this.clock = clock;
    this.gate = new RateGate(limits, clock.instant());
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
    if (gate.pausedUntil().isAfter(now)) {
      return Optional.of(gate.pausedUntil());
    }
    List<OutboxRow> rows = store.claimDue(now, claimBatch, LEASE, claimer);
    for (OutboxRow row : rows) {
      if (stopping) {
        break;
      }
      now = clock.instant();
      String lane = lane(row.message());
      Instant ready = gate.readyAt(lane, now);
      if (ready.isAfter(now)) {
        store.retryAt(row.id(), ready, null, false);
        continue;
      }
      gate.spend(lane, now);
      send(row);
    }
    if (stopping) {
      store.release(claimer);
      return Optional.empty();
    }
    // Held-back rows were rescheduled in the store, so its earliest due time covers them too.
    return store.nextDue().map(n -> n.isBefore(gate.pausedUntil()) ? gate.pausedUntil() : n);
  }

  /** Stops after the message being sent and gives back the rest of the claimed rows. */
  public synchronized void stop() {
    stopping = true;
    store.release(claimer);
    store.releaseSending(claimer);
  }

  /**
   * Asks a drain in progress to stop after its current message; {@link #stop()} then waits for it.
   */
  public void requestStop() {
    stopping = true;
  }

  private void send(OutboxRow row) {
    OutboxMessage m = row.message();
    try {
      SlackApiTextResponse response =
          switch (m.method()) {
            case OutboxMessage.POST -> post(m);
            case OutboxMessage.UPDATE -> update(m);
            default -> upload(m);
          };
      Instant now = clock.instant();
      if (response.isOk()) {
        if (response instanceof ChatPostMessageResponse p) {
          store.markSent(row.id(), p.getChannel(), p.getTs(), now);
        } else if (response instanceof ChatUpdateResponse u) {
          store.markSent(row.id(), u.getChannel(), u.getTs(), now);
        } else {
          store.markSent(row.id(), m.channel(), null, now);
        }
        if (OutboxMessage.FAREWELL.equals(m.kind())) {
          store.delete(row.id());
        }
      } else if (PERMANENT.contains(response.getError()) || row.attempts() + 1 >= MAX_ATTEMPTS) {
        log.warn(
            "giving up on outbox row {} ({} to {} in team {}): {}",
            row.id(),
            m.kind(),
            m.channel(),
            m.teamId(),
            response.getError());
        store.fail(row.id(), response.getError(), now);
      } else {
        store.retryAt(row.id(), now.plus(backoff(row.attempts())), response.getError(), true);
      }
    } catch (SlackApiException e) {
      handleHttpError(row, e);
    } catch (IOException | RuntimeException e) {
      log.warn("outbox row {} to {} could not be sent: {}", row.id(), m.channel(), e.toString());
      store.retryAt(row.id(), clock.instant().plus(backoff(row.attempts())), e.toString(), true);
    }
  }

  private void handleHttpError(OutboxRow row, SlackApiException e) {
    Instant now = clock.instant();
    if (e.getResponse().code() == 429) {
      long seconds = retryAfterSeconds(e.getResponse().header("Retry-After"));
      Instant until = now.plusSeconds(seconds);
      gate.pauseUntil(until);
      store.retryAt(row.id(), until, "ratelimited", false);
      log.info("Slack asked to slow down for {} s; outbox paused", seconds);
    } else {
      store.retryAt(
          row.id(), now.plus(backoff(row.attempts())), "HTTP " + e.getResponse().code(), true);
    }
  }

  private ChatPostMessageResponse post(OutboxMessage m) throws IOException, SlackApiException {
    return slack.chatPostMessage(
        r -> r.channel(m.channel()).text(m.text()).blocksAsString(m.blocksJson()));
  }

  private ChatUpdateResponse update(OutboxMessage m) throws IOException, SlackApiException {
    return slack.chatUpdate(
        r -> r.channel(m.channel()).ts(m.targetTs()).text(m.text()).blocksAsString(m.blocksJson()));
  }

  private FilesUploadV2Response upload(OutboxMessage m) throws IOException, SlackApiException {
    String channel = directMessageChannel(m.channel());
    return slack.filesUploadV2(
        r ->
            r.channel(channel)
                .initialComment(m.text())
                .filename(m.file().name())
                .title(m.file().title())
                .fileData(m.file().bytes())
                .requestFileInfo(false));
  }

  /** Files can only be shared into a conversation, so a user id is turned into their DM first. */
  private String directMessageChannel(String channel) throws IOException, SlackApiException {
    if (!(channel.startsWith("U") || channel.startsWith("W"))) {
      return channel;
    }
    String dm = directMessages.get(channel);
    if (dm == null) {
      var opened = slack.conversationsOpen(r -> r.users(java.util.List.of(channel)));
      if (!opened.isOk()) {
        throw new IOException("conversations.open failed: " + opened.getError());
      }
      dm = opened.getChannel().getId();
      directMessages.put(channel, dm);
    }
    return dm;
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
