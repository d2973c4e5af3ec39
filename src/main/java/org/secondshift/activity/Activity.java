package org.secondshift.activity;

import java.time.Instant;
import java.util.Objects;

/** One moment someone was active in a channel: ids and an instant, never what they wrote. */
public record Activity(
    String eventId, String teamId, String userId, String channelId, Instant at, ActivityKind kind) {

  public Activity {
    requireText(eventId, "eventId");
    requireText(teamId, "teamId");
    requireText(userId, "userId");
    requireText(channelId, "channelId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
