package org.secondshift.hours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** An ISO-8601 week (Monday to Sunday), written like "2026-W48". */
public record IsoWeek(int year, int week) {

  private static final Pattern TEXT = Pattern.compile("(\\d{4})-[Ww](\\d{2})");

  public IsoWeek {
    // Four-digit years keep toString and parse exact inverses.
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year must be between 1 and 9999, was " + year);
    }
    if (week < 1 || week > weeksIn(year)) {
      throw new IllegalArgumentException(
          "week must be between 1 and " + weeksIn(year) + " in " + year + ", was " + week);
    }
  }

  /** The ISO week that contains {@code date}. */
  public static IsoWeek of(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return new IsoWeek(
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** Parses "2026-W48" (the W may be lower case). */
  public static IsoWeek parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ISO week like 2026-W48: \"" + text + "\"");
    }
    try {
      return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a valid ISO week: \"" + text + "\": " + e.getMessage(), e);
    }
  }

  /** 52, or 53 for years that start on a Thursday (or Wednesday in leap years). */
  public static int weeksIn(int year) {
    // 28 December always falls in the last week of its ISO year.
    return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  public LocalDate monday() {
    // 4 January always falls in week 1.
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(DayOfWeek.MONDAY);
  }

  /** Monday to Sunday. */
  public List<LocalDate> days() {
    return Stream.iterate(monday(), d -> d.plusDays(1)).limit(7).toList();
  }

  public IsoWeek previous() {
    return of(monday().minusWeeks(1));
  }

  public IsoWeek next() {
    return of(monday().plusWeeks(1));
  }

  @Override
  public String toString() {
    return String.format("%04d-W%02d", year, week);
  }
}
