package org.secondshift.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision to nudge someone, with what was observed; id 0 until it is stored. Holds ids and
 * numbers only, so that the message can be written from it and nothing else needs keeping.
 *
 * @param observed the stretch (LONG_STRETCH) or today's hours (DAILY_LIMIT), else zero
 * @param days worked days in a row (NO_DAY_OFF), else zero
 * @param channelId the channel whose watch is meant (LATE_NIGHT with a captain, RECOVERY)
 * @param captainId the captain holding the watch (LATE_NIGHT), if any
 * @param earlierToday nudges the person already had this local day; repeats are gentler
 */
public record Nudge(
    long id,
    String teamId,
    String userId,
    NudgeKind kind,
    Instant decidedAt,
    ZoneId zone,
    Duration observed,
    int days,
    Optional<String> channelId,
    Optional<String> captainId,
    int earlierToday) {

  public Nudge {
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative, was " + id);
    }
    requireText(teamId, "teamId");
    requireText(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(captainId, "captainId");
    if (days < 0 || earlierToday < 0) {
      throw new IllegalArgumentException("days and earlierToday must not be negative");
    }
  }

  /** An unstored nudge of {@code kind} with nothing observed yet. */
  public static Nudge draft(
      String teamId, String userId, NudgeKind kind, Instant at, ZoneId zone, int earlierToday) {
    return new Nudge(
        0,
        teamId,
        userId,
        kind,
        at,
        zone,
        Duration.ZERO,
        0,
        Optional.empty(),
        Optional.empty(),
        earlierToday);
  }

  public Nudge withId(long newId) {
    return new Nudge(
        newId,
        teamId,
        userId,
        kind,
        decidedAt,
        zone,
        observed,
        days,
        channelId,
        captainId,
        earlierToday);
  }

  Nudge observing(Duration d) {
    return new Nudge(
        id, teamId, userId, kind, decidedAt, zone, d, days, channelId, captainId, earlierToday);
  }

  Nudge inARow(int n) {
    return new Nudge(
        id, teamId, userId, kind, decidedAt, zone, observed, n, channelId, captainId, earlierToday);
  }

  Nudge watchedBy(String channel, String captain) {
    return new Nudge(
        id,
        teamId,
        userId,
        kind,
        decidedAt,
        zone,
        observed,
        days,
        Optional.ofNullable(channel),
        Optional.ofNullable(captain),
        earlierToday);
  }

  /** The person's local date when it was decided; the daily cap counts these. */
  public LocalDate localDate() {
    return LocalDate.ofInstant(decidedAt, zone);
  }

  /** The person's wall-clock time when it was decided. */
  public LocalTime localTime() {
    return LocalTime.ofInstant(decidedAt, zone);
  }

  /** Whether this is not their first nudge today, so the words can be shorter. */
  public boolean isRepeat() {
    return earlierToday > 0;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
