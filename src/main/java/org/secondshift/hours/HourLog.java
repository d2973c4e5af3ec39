package org.secondshift.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Counts sessions as hours per local day of a person's zone, with late-night and duty apart. */
public final class HourLog {

  private final SessionRules rules;
  private final QuietWindow lateNight;

  public HourLog(SessionRules rules, QuietWindow lateNight) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.lateNight = Objects.requireNonNull(lateNight, "lateNight");
  }

  /** The seven days of {@code week} in {@code zone}. */
  public WeekHours week(List<WorkSession> sessions, ZoneId zone, IsoWeek week) {
    return week(sessions, zone, week, Instant.MAX);
  }

  /**
   * The week as known at {@code asOf}: the tail of a session still running is not counted ahead.
   */
  public WeekHours week(List<WorkSession> sessions, ZoneId zone, IsoWeek week, Instant asOf) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(week, "week");
    Coverage coverage = coverage(sessions, asOf);
    List<DayHours> days = week.days().stream().map(d -> day(coverage, zone, d)).toList();
    return new WeekHours(week, zone, days);
  }

  /** One local day in {@code zone}; a session crossing midnight counts on both days. */
  public DayHours day(List<WorkSession> sessions, ZoneId zone, LocalDate date) {
    return day(sessions, zone, date, Instant.MAX);
  }

  /** The day as known at {@code asOf}, counting nothing after it. */
  public DayHours day(List<WorkSession> sessions, ZoneId zone, LocalDate date, Instant asOf) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(date, "date");
    return day(coverage(sessions, asOf), zone, date);
  }

  /**
   * The length so far of the ACTIVITY session still running at {@code now} (now - last < gap).
   *
   * <p>It is what the log counts for that session up to now: from start to the earlier of now and
   * last + tail. So it never counts the future, and an idle stretch past the tail does not grow it,
   * because the log would not count that stretch unless activity resumes.
   */
  public Optional<Duration> currentSession(List<WorkSession> sessions, Instant now) {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(now, "now");
    return sessions.stream()
        .filter(s -> s.source() == SessionSource.ACTIVITY)
        .filter(s -> !s.start().isAfter(now))
        .filter(s -> Duration.between(s.last(), now).compareTo(rules.gap()) < 0)
        .max((a, b) -> a.last().compareTo(b.last()))
        .map(s -> Duration.between(s.start(), earlier(now, s.coveredUntil(rules))));
  }

  private DayHours day(Coverage coverage, ZoneId zone, LocalDate date) {
    Span day = LocalClock.day(date, zone);
    Duration late = Duration.ZERO;
    for (Span window : lateNight.on(date, zone)) {
      late = late.plus(Span.overlap(coverage.worked(), window));
    }
    return new DayHours(
        date, Span.overlap(coverage.worked(), day), late, Span.overlap(coverage.duty(), day));
  }

  // Unioned once per query so overlapping sessions are never counted twice.
  private Coverage coverage(List<WorkSession> sessions, Instant asOf) {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(asOf, "asOf");
    List<Span> worked = new ArrayList<>();
    List<Span> duty = new ArrayList<>();
    for (WorkSession s : sessions) {
      if (!s.start().isBefore(asOf)) {
        continue;
      }
      Span span = Span.of(s.start(), earlier(s.coveredUntil(rules), asOf));
      (s.source() == SessionSource.DUTY ? duty : worked).add(span);
    }
    return new Coverage(Span.union(worked), Span.union(duty));
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Disjoint worked (ACTIVITY and MANUAL) and duty spans. */
  private record Coverage(List<Span> worked, List<Span> duty) {}
}
