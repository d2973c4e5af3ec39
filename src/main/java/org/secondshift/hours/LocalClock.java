package org.secondshift.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/** Turns wall-clock times of a zone into real instants. */
final class LocalClock {

  private LocalClock() {}

  /** The real span of local {@code date}: 23 or 25 hours long on DST days. */
  static Span day(LocalDate date, ZoneId zone) {
    return Span.of(
        at(date, LocalTime.MIDNIGHT, zone), at(date.plusDays(1), LocalTime.MIDNIGHT, zone));
  }

  /**
   * The first instant the wall clock shows {@code time} or later on {@code date}.
   *
   * <p>In a DST gap that is the moment the clocks jump (not the shifted time ZonedDateTime picks);
   * in an overlap it is the first pass, so windows never lose the repeated hour.
   */
  static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
    LocalDateTime local = date.atTime(time);
    ZoneRules rules = zone.getRules();
    if (rules.getValidOffsets(local).isEmpty()) {
      return rules.getTransition(local).getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }
}
