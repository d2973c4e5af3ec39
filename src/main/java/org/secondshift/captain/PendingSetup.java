package org.secondshift.captain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A setup that would replace the channel's rotation {@code replaces}, kept until its author
 * confirms it.
 */
public record PendingSetup(
    String teamId,
    String channelId,
    String userId,
    List<String> roster,
    Cadence cadence,
    LocalTime at,
    ZoneId zone,
    long replaces,
    Instant createdAt) {
  public PendingSetup {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(userId, "userId");
    roster = List.copyOf(Objects.requireNonNull(roster, "roster"));
    if (roster.isEmpty()) {
      throw new IllegalArgumentException("roster must name someone");
    }
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The same setup, to replace the rotation {@code rotationId}. */
  public PendingSetup replacing(long rotationId) {
    return new PendingSetup(
        teamId, channelId, userId, roster, cadence, at, zone, rotationId, createdAt);
  }
}
