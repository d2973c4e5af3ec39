package org.secondshift.hours;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The late-night hours of a local day, from {@code from} to {@code to}, possibly across midnight.
 */
public record QuietWindow(LocalTime from, LocalTime to) {

  public QuietWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("from and to must differ, both were " + from);
    }
  }

  /** 22:00 to 07:00. */
  public static QuietWindow lateNightDefault() {
    return new QuietWindow(LocalTime.of(22, 0), LocalTime.of(7, 0));
  }

  public boolean crossesMidnight() {
    return from.isAfter(to);
  }

  /** The real-time spans of this window that fall on local {@code date}. */
  List<Span> on(LocalDate date, ZoneId zone) {
    if (!crossesMidnight()) {
      return List.of(Span.of(LocalClock.at(date, from, zone), LocalClock.at(date, to, zone)));
    }
    Span day = LocalClock.day(date, zone);
    return List.of(
        Span.of(day.start(), LocalClock.at(date, to, zone)),
        Span.of(LocalClock.at(date, from, zone), day.end()));
  }
}
