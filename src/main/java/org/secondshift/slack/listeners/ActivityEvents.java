package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import java.time.Instant;
import java.util.Optional;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;
import org.secondshift.slack.SlackTimestamps;

/** Builds an {@link Activity} from an Events API envelope, or nothing when ids are missing. */
final class ActivityEvents {
  private ActivityEvents() {}

  static Optional<Activity> activity(
      EventsApiPayload<?> envelope, String userId, String channelId, String ts, ActivityKind kind) {
    Optional<Instant> at = SlackTimestamps.toInstant(ts);
    if (at.isEmpty() || blank(envelope.getTeamId()) || blank(userId) || blank(channelId)) {
      return Optional.empty();
    }
    // Without an event id a retry could not be recognised; the message's own coordinates are
    // just as unique for one person's action.
    String eventId =
        blank(envelope.getEventId())
            ? kind.code() + ":" + channelId + ":" + ts + ":" + userId
            : envelope.getEventId();
    return Optional.of(
        new Activity(eventId, envelope.getTeamId(), userId, channelId, at.get(), kind));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
