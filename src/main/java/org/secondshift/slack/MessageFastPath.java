package org.secondshift.slack;

import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.activity.ObservedMessage;
import org.secondshift.ops.BotMetrics;
import org.secondshift.slack.listeners.ActivityEvents;
import org.secondshift.store.Database;

/**
 * The Events API's commonest request, a person's message in a channel, answered beside Bolt's
 * dispatch: one streaming read of the few fields that matter, the same decisions Bolt's
 * authorization, our middleware and {@code MessageListener} would take, the activity recorded
 * through the same recorder within the same budget, and the same empty 200.
 *
 * <p>It takes only what it is sure of. Any other envelope (another event or subtype, an app's or
 * Slackbot's post, a direct message, a workspace not yet authorized, an odd timestamp, a field of
 * an unexpected type) is left to the general path, which answers it as before. A test sends every
 * sample envelope both ways and compares the answers and what was recorded.
 */
public final class MessageFastPath {
  private static final String JSON = "application/json";

  private final BotUsers bots;
  private final ActivityRecorder recorder;
  private final Database db;
  private final BotMetrics metrics;
  private final Clock clock;
  private final LongSupplier nanoTime;

  public MessageFastPath(
      BotUsers bots,
      ActivityRecorder recorder,
      Database db,
      BotMetrics metrics,
      Clock clock,
      LongSupplier nanoTime) {
    this.bots = bots;
    this.recorder = recorder;
    this.db = db;
    this.metrics = metrics;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /**
   * The answer to a signed, UTF-8 body when this path takes it, else empty.
   *
   * @throws org.secondshift.store.StoreException when the activity could not be stored in time
   */
  public Optional<Response> answer(String contentType, String body) throws Exception {
    if (contentType == null || !contentType.regionMatches(true, 0, JSON, 0, JSON.length())) {
      return Optional.empty();
    }
    long start = nanoTime.getAsLong();
    Optional<Activity> activity = MessageFields.read(body).flatMap(this::recordable);
    if (activity.isEmpty()) {
      return Optional.empty();
    }
    try {
      db.within(AckBudget.BUDGET, () -> recorder.record(activity.get()));
    } finally {
      metrics.request("message", Duration.ofNanos(nanoTime.getAsLong() - start));
    }
    return Optional.of(Response.ok());
  }

  /** The activity a plain channel message from a person of an authorized workspace stands for. */
  Optional<Activity> recordable(MessageFields f) {
    if (!"event_callback".equals(f.type())
        || !"message".equals(f.eventType())
        || f.subtypePresent()
        || f.botIdPresent()
        || f.assistantThread()
        || !("channel".equals(f.channelType()) || "group".equals(f.channelType()))
        || blank(f.teamId())
        || blank(f.eventId())
        || blank(f.user())
        || blank(f.channel())) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (SlackTimestamps.plausible(f.ts(), now).isEmpty()
        || (f.eventTs() != null && SlackTimestamps.plausible(f.eventTs(), now).isEmpty())) {
      return Optional.empty();
    }
    Optional<String> authorizedTeam = authorizedTeam(f);
    Optional<String> botUser = authorizedTeam.flatMap(bots::botUserId);
    if (botUser.isEmpty() || botUser.get().equals(f.user())) {
      return Optional.empty();
    }
    String authorTeam = blank(f.userTeam()) ? f.team() : f.userTeam();
    if (PeopleOfThisWorkspace.notOurs(
            null,
            f.user(),
            f.extShared(),
            authorTeam,
            PeopleOfThisWorkspace.installingTeams(f.authorizationTeams(), f.teamId()))
        .isPresent()) {
      return Optional.empty();
    }
    ObservedMessage seen =
        new ObservedMessage(null, f.user(), null, f.channelType(), f.ts(), f.threadTs());
    if (!seen.isActivity()) {
      return Optional.empty();
    }
    return ActivityEvents.activity(
        f.teamId(), f.eventId(), f.user(), f.channel(), f.ts(), seen.kind());
  }

  /**
   * The workspace Bolt authorizes the request for: the first authorization's team when the envelope
   * lists any, else its {@code team_id}.
   */
  private static Optional<String> authorizedTeam(MessageFields f) {
    List<String> teams = f.authorizationTeams();
    String team = teams == null ? f.teamId() : teams.isEmpty() ? null : teams.get(0);
    return blank(team) ? Optional.empty() : Optional.of(team);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
