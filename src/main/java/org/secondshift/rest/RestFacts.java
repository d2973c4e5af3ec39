package org.secondshift.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.secondshift.hours.WorkSession;

/**
 * What is known about one person at {@code now}: their zone and choices, their sessions of the last
 * week, the instants of their recent activity, and the nudges they had lately.
 *
 * @param sessions sessions covering at least the last {@code daysInARow} local days
 * @param activity activity instants of at least the last day, in any order
 * @param manualSince the start of a manual session still open ({@code /shift start}), if any
 * @param recent nudges of at least the last {@code daysInARow} days
 */
public record RestFacts(
    String teamId,
    String userId,
    Instant now,
    ZoneId zone,
    RestPrefs prefs,
    List<WorkSession> sessions,
    List<Instant> activity,
    Optional<Instant> manualSince,
    List<PastNudge> recent) {

  public RestFacts {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(prefs, "prefs");
    sessions = List.copyOf(sessions);
    activity = List.copyOf(activity);
    Objects.requireNonNull(manualSince, "manualSince");
    recent = List.copyOf(recent);
  }
}
