package org.secondshift.captain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How long one shift lasts, counted on the rotation's local clock: whole hours that divide a day,
 * or whole days, so every handoff falls on the same local times day after day, DST or not.
 */
public record Cadence(int hours, int days) {
  public Cadence {
    if ((hours > 0) == (days > 0) || hours < 0 || days < 0) {
      throw new IllegalArgumentException(
          "cadence needs either hours or days, got " + hours + " h and " + days + " d");
    }
    if (hours > 0 && 24 % hours != 0) {
      throw new IllegalArgumentException("hours must divide a day, was " + hours);
    }
  }

  /** A shift of {@code hours}: a divisor of 24, or a whole number of days. */
  public static Cadence ofHours(int hours) {
    if (hours < 1) {
      throw new IllegalArgumentException("hours must be at least 1, was " + hours);
    }
    if (hours % 24 == 0) {
      return new Cadence(0, hours / 24);
    }
    if (24 % hours != 0) {
      throw new IllegalArgumentException("hours must divide a day or be whole days, was " + hours);
    }
    return new Cadence(hours, 0);
  }

  public static Cadence daily() {
    return new Cadence(0, 1);
  }

  public static Cadence weekly() {
    return new Cadence(0, 7);
  }

  /** The local start of the shift {@code count} shifts after {@code first}. */
  public LocalDateTime after(LocalDateTime first, long count) {
    return hours > 0 ? first.plusHours(count * hours) : first.plusDays(count * days);
  }

  /** The usual real length of a shift (an hour more or less across a DST change). */
  public Duration nominal() {
    return hours > 0 ? Duration.ofHours(hours) : Duration.ofDays(days);
  }

  /**
   * The local start of the shift in force at {@code now}, on the grid of shifts through {@code at}
   * each day in {@code zone}: the last boundary at or before {@code now}.
   */
  public LocalDateTime shiftAt(LocalTime at, ZoneId zone, Instant now) {
    LocalDateTime next = LocalDate.ofInstant(now, zone).atTime(at);
    while (!ZonedDateTime.of(next, zone).toInstant().isAfter(now)) {
      next = next.plusDays(1);
    }
    LocalDateTime start = after(next, -1);
    while (ZonedDateTime.of(start, zone).toInstant().isAfter(now)) {
      start = after(start, -1);
    }
    return start;
  }
}
