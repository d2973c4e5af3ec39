package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import java.time.Instant;
import java.util.Optional;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;
import org.secondshift.slack.SlackTimestamps;

/** Builds an {@link Activity} from an Events API envelope, or nothing when ids are missing. */
public final class ActivityEvents {
  private ActivityEvents() {}

  static Optional<Activity> activity(
      EventsApiPayload<?> envelope, String userId, String channelId, String ts, ActivityKind kind) {
    return activity(envelope.getTeamId(), envelope.getEventId(), userId, channelId, ts, kind);
  }

  /**
   * As {@link #activity(EventsApiPayload, String, String, String, ActivityKind)}, from the
   * envelope's {@code team_id} and {@code event_id}.
   */
  public static Optional<Activity> activity(
      String teamId,
      String envelopeEventId,
      String userId,
      String channelId,
      String ts,
      ActivityKind kind) {
    Optional<Instant> at = SlackTimestamps.toInstant(ts);
    if (at.isEmpty() || blank(teamId) || blank(userId) || blank(channelId)) {
      return Optional.empty();
    }
    // Without an event id a retry could not be recognised; the message's own coordinates are
    // just as unique for one person's action.
    String eventId =
        blank(envelopeEventId)
            ? kind.code() + ":" + channelId + ":" + ts + ":" + userId
            : envelopeEventId;
    return Optional.of(new Activity(eventId, teamId, userId, channelId, at.get(), kind));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
