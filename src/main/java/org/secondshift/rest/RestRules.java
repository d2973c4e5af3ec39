package org.secondshift.rest;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The workspace's defaults for rest nudges; each person can change quiet hours and the daily limit.
 *
 * @param stretch a stretch of work this long without a break earns a nudge
 * @param breakLength a silence this long counts as a break and ends the stretch
 * @param dailyLimit hours in one local day that earn a nudge
 * @param quiet the local hours that count as the night
 * @param cooldown at most one nudge per person in this time
 * @param maxPerDay at most this many nudges per person and local day
 * @param checkEvery how often the periodic check looks at everyone recently active
 * @param daysInARow worked days in a row (today included) that earn a "plan a day off" nudge
 * @param workedDay hours on a day that make it a worked day
 */
public record RestRules(
    Duration stretch,
    Duration breakLength,
    Duration dailyLimit,
    QuietHours quiet,
    Duration cooldown,
    int maxPerDay,
    Duration checkEvery,
    int daysInARow,
    Duration workedDay) {

  public RestRules {
    positive(stretch, "stretch");
    positive(breakLength, "breakLength");
    positive(dailyLimit, "dailyLimit");
    Objects.requireNonNull(quiet, "quiet");
    positive(cooldown, "cooldown");
    positive(checkEvery, "checkEvery");
    positive(workedDay, "workedDay");
    if (maxPerDay < 1) {
      throw new IllegalArgumentException("maxPerDay must be at least 1, was " + maxPerDay);
    }
    if (daysInARow < 2) {
      throw new IllegalArgumentException("daysInARow must be at least 2, was " + daysInARow);
    }
  }

  /**
   * 3 h stretch, 15 min break, 10 h a day, 22:00–07:00, 90 min apart, 3 a day, every 5 min, 6 days.
   */
  public static RestRules defaults() {
    return new RestRules(
        Duration.ofHours(3),
        Duration.ofMinutes(15),
        Duration.ofHours(10),
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)),
        Duration.ofMinutes(90),
        3,
        Duration.ofMinutes(5),
        6,
        Duration.ofHours(1));
  }

  /** The same rules with other quiet hours. */
  public RestRules withQuiet(QuietHours hours) {
    return new RestRules(
        stretch,
        breakLength,
        dailyLimit,
        hours,
        cooldown,
        maxPerDay,
        checkEvery,
        daysInARow,
        workedDay);
  }

  private static void positive(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + d);
    }
  }
}
