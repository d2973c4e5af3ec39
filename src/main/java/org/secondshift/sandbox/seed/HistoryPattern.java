package org.secondshift.sandbox.seed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repeated activity of one person in one channel, written relative to the sandbox's start.
 *
 * <p>Either a day pattern ({@code daysAgo} "3" or "1-13", local {@code from}..{@code until} in the
 * person's zone, optionally {@code weekdays} only) or a stretch ending now ({@code startedAgo},
 * {@code endedAgo}); in both, one activity every {@code every}.
 */
public record HistoryPattern(
    String user,
    String channel,
    String daysAgo,
    Boolean weekdays,
    String from,
    String until,
    String startedAgo,
    String endedAgo,
    String every) {
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?");
  private static final Pattern DAYS = Pattern.compile("(\\d+)(?:-(\\d+))?");

  public HistoryPattern {
    Seed.require(user, "history[].user");
    Seed.require(channel, "history[" + user + "].channel");
    Seed.require(every, "history[" + user + "].every");
    boolean byDay = daysAgo != null;
    boolean recent = startedAgo != null;
    if (byDay == recent) {
      throw new IllegalArgumentException(
          "history[" + user + "] needs either daysAgo with from/until, or startedAgo");
    }
    if (byDay && (from == null || until == null)) {
      throw new IllegalArgumentException("history[" + user + "] with daysAgo needs from and until");
    }
    if (byDay && !DAYS.matcher(daysAgo).matches()) {
      throw new IllegalArgumentException("history[" + user + "].daysAgo must look like 3 or 1-13");
    }
    if (duration(every, "every").isZero()) {
      throw new IllegalArgumentException("history[" + user + "].every must be more than 0m");
    }
    weekdays = weekdays != null && weekdays;
  }

  /** The instants this pattern stands for, none after {@code now}, days counted in {@code zone}. */
  public List<Instant> instants(ZoneId zone, Instant now) {
    Duration step = duration(every, "every");
    List<Instant> out = new ArrayList<>();
    if (startedAgo != null) {
      Instant end = now.minus(endedAgo == null ? Duration.ZERO : duration(endedAgo, "endedAgo"));
      for (Instant at = now.minus(duration(startedAgo, "startedAgo"));
          at.isBefore(end);
          at = at.plus(step)) {
        out.add(at);
      }
      out.add(end); // the stretch ends exactly then, whatever the step
      return out;
    }
    Matcher days = DAYS.matcher(daysAgo);
    days.matches();
    int first = Integer.parseInt(days.group(1));
    int last = days.group(2) == null ? first : Integer.parseInt(days.group(2));
    LocalDate today = now.atZone(zone).toLocalDate();
    for (int d = Math.min(first, last); d <= Math.max(first, last); d++) {
      LocalDate date = today.minusDays(d);
      if (!weekdays || date.getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue()) {
        addDay(out, date, zone, step, now);
      }
    }
    return out;
  }

  private void addDay(List<Instant> out, LocalDate date, ZoneId zone, Duration step, Instant now) {
    ZonedDateTime start = date.atTime(LocalTime.parse(from)).atZone(zone);
    ZonedDateTime end = date.atTime(LocalTime.parse(until)).atZone(zone);
    if (end.isBefore(start)) {
      end = end.plusDays(1); // a window past midnight, such as 21:00-01:30
    }
    for (ZonedDateTime at = start; !at.isAfter(end); at = at.plus(step)) {
      if (!at.toInstant().isAfter(now)) {
        out.add(at.toInstant());
      }
    }
  }

  static Duration duration(String text, String field) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (text.isBlank() || !m.matches()) {
      throw new IllegalArgumentException(
          field + " must look like 20m, 3h or 3h40m, not '" + text + "'");
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    return Duration.ofHours(hours).plusMinutes(minutes);
  }
}
