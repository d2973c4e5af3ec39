package org.secondshift.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/** Hours on one local day: active time, the late-night part of it, and duty counted apart. */
public record DayHours(LocalDate date, Duration active, Duration lateNight, Duration duty) {

  public DayHours {
    Objects.requireNonNull(date, "date");
    requireNotNegative(active, "active");
    requireNotNegative(lateNight, "lateNight");
    requireNotNegative(duty, "duty");
    if (lateNight.compareTo(active) > 0) {
      throw new IllegalArgumentException(
          "lateNight must not exceed active: " + lateNight + " > " + active);
    }
  }

  /** A day with nothing logged. */
  public static DayHours empty(LocalDate date) {
    return new DayHours(date, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** Saturday or Sunday. */
  public boolean isWeekend() {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  private static void requireNotNegative(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
  }
}
