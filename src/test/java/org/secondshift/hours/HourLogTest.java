package org.secondshift.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HourLogTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final HourLog LOG =
      new HourLog(SessionRules.defaults(), QuietWindow.lateNightDefault());

  @Test
  void splitsASessionOverMidnightAcrossTwoDays() {
    List<WorkSession> sessions = List.of(manual(UTC, "2026-01-06T22:00", "2026-01-07T02:00"));

    assertThat(LOG.day(sessions, UTC, date("2026-01-06")))
        .isEqualTo(new DayHours(date("2026-01-06"), hours(2), hours(2), Duration.ZERO));
    assertThat(LOG.day(sessions, UTC, date("2026-01-07")))
        .isEqualTo(new DayHours(date("2026-01-07"), hours(2), hours(2), Duration.ZERO));
  }

  @ParameterizedTest(name = "{0} to {1} UTC gives {3} on {2} in Kolkata")
  @CsvSource(
      textBlock =
          """
      2026-01-06T18:00:00Z, 2026-01-06T19:00:00Z, 2026-01-06, PT30M, PT30M
      2026-01-06T18:00:00Z, 2026-01-06T19:00:00Z, 2026-01-07, PT30M, PT30M
      2026-01-06T18:30:00Z, 2026-01-07T18:30:00Z, 2026-01-06, PT0S,  PT0S
      2026-01-06T18:30:00Z, 2026-01-07T18:30:00Z, 2026-01-07, PT24H, PT9H
      2026-01-06T18:30:00Z, 2026-01-07T18:30:00Z, 2026-01-08, PT0S,  PT0S
      2026-01-07T01:00:00Z, 2026-01-07T02:00:00Z, 2026-01-07, PT1H,  PT30M
      """)
  void countsDaysInKolkataFromMidnightAtSixThirtyUtc(
      Instant start, Instant end, LocalDate date, Duration active, Duration lateNight) {
    DayHours day = LOG.day(List.of(WorkSession.manual(start, end)), KOLKATA, date);

    assertThat(day.active()).isEqualTo(active);
    assertThat(day.lateNight()).isEqualTo(lateNight);
  }

  @ParameterizedTest(name = "{0} to {1} local counts {3} on {2}")
  @CsvSource(
      textBlock =
          """
      2026-03-08T01:00, 2026-03-08T03:00, 2026-03-08, PT1H,  PT1H
      2026-03-08T00:00, 2026-03-09T00:00, 2026-03-08, PT23H, PT8H
      2026-03-07T23:00, 2026-03-08T03:00, 2026-03-07, PT1H,  PT1H
      2026-03-07T23:00, 2026-03-08T03:00, 2026-03-08, PT2H,  PT2H
      2026-11-01T01:00, 2026-11-01T03:00, 2026-11-01, PT3H,  PT3H
      2026-11-01T00:00, 2026-11-02T00:00, 2026-11-01, PT25H, PT10H
      2026-10-31T23:00, 2026-11-01T03:00, 2026-10-31, PT1H,  PT1H
      2026-10-31T23:00, 2026-11-01T03:00, 2026-11-01, PT4H,  PT4H
      2026-03-09T00:00, 2026-03-10T00:00, 2026-03-09, PT24H, PT9H
      """)
  void countsRealElapsedTimeOnDstNightsInLosAngeles(
      LocalDateTime start, LocalDateTime end, LocalDate date, Duration active, Duration late) {
    ZoneId la = ZoneId.of("America/Los_Angeles");
    WorkSession session = WorkSession.manual(instant(la, start), instant(la, end));

    DayHours day = LOG.day(List.of(session), la, date);

    assertThat(day.active()).isEqualTo(active);
    assertThat(day.lateNight()).isEqualTo(late);
  }

  @ParameterizedTest(name = "a whole {0} counts {1} total, {2} weekend, {3} late-night")
  @CsvSource(
      textBlock =
          """
      2026-W10, PT167H, PT47H, PT62H
      2026-W44, PT169H, PT49H, PT64H
      2026-W20, PT168H, PT48H, PT63H
      """)
  void countsTwentyThreeAndTwentyFiveHourSundaysInDstWeeks(
      String isoWeek, Duration total, Duration weekend, Duration lateNight) {
    ZoneId la = ZoneId.of("America/Los_Angeles");
    IsoWeek week = IsoWeek.parse(isoWeek);
    WorkSession allWeek =
        WorkSession.manual(
            instant(la, week.monday().atStartOfDay()),
            instant(la, week.next().monday().atStartOfDay()));

    WeekHours hours = LOG.week(List.of(allWeek), la, week);

    assertThat(hours.total()).isEqualTo(total);
    assertThat(hours.weekend()).isEqualTo(weekend);
    assertThat(hours.lateNight()).isEqualTo(lateNight);
  }

  @Test
  void putsTheSpringForwardNightOnSundayOnly() {
    ZoneId la = ZoneId.of("America/Los_Angeles");
    WorkSession night = manual(la, "2026-03-08T01:00", "2026-03-08T03:00");

    WeekHours week = LOG.week(List.of(night), la, IsoWeek.parse("2026-W10"));

    assertThat(week.days())
        .extracting(DayHours::active)
        .containsExactly(zero(), zero(), zero(), zero(), zero(), zero(), hours(1));
    assertThat(week.weekend()).isEqualTo(hours(1));
    assertThat(week.lateNight()).isEqualTo(hours(1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      activity gets its tail             | A 09:00-09:00                  | PT10M
      activity and manual overlap        | A 09:00-10:00, M 09:30-11:00   | PT2H
      manual inside activity tail        | A 09:00-10:00, M 10:05-10:08   | PT1H10M
      the same session twice             | M 09:00-10:00, M 09:00-10:00   | PT1H
      touching sessions                  | M 09:00-10:00, A 10:00-10:50   | PT2H
      separate sessions add up           | A 09:00-09:20, M 13:00-14:00   | PT1H30M
      duty is not active                 | D 09:00-17:00, A 10:00-10:50   | PT1H
      """)
  void countsOverlappingActivityAndManualTimeOnce(String name, String sessions, Duration active) {
    DayHours day = LOG.day(onTuesday(sessions), UTC, date("2026-01-06"));

    assertThat(day.active()).isEqualTo(active);
  }

  @Test
  void keepsDutyApartFromActiveAndLateNightHours() {
    List<WorkSession> sessions = onTuesday("D 18:00-23:00, D 22:00-23:59, A 20:00-21:50");

    DayHours day = LOG.day(sessions, UTC, date("2026-01-06"));

    assertThat(day).isEqualTo(new DayHours(date("2026-01-06"), hours(2), zero(), minutes(359)));
    WeekHours week = LOG.week(sessions, UTC, IsoWeek.parse("2026-W02"));
    assertThat(week.total()).isEqualTo(hours(2));
    assertThat(week.duty()).isEqualTo(minutes(359));
  }

  @ParameterizedTest(name = "window {0}-{1} and session {2} give {3} late-night")
  @CsvSource(
      textBlock =
          """
      22:00, 07:00, M 06:00-23:00, PT2H
      22:00, 07:00, M 12:00-13:00, PT0S
      22:00, 07:00, M 00:00-23:59, PT8H59M
      01:00, 05:00, M 00:00-06:00, PT4H
      01:00, 05:00, M 05:00-23:59, PT0S
      00:00, 06:00, M 05:00-07:00, PT1H
      20:00, 00:00, M 19:00-23:00, PT3H
      23:00, 01:00, M 00:30-23:30, PT1H
      """)
  void countsLateNightInWindowsThatDoAndDoNotCrossMidnight(
      LocalTime from, LocalTime to, String session, Duration lateNight) {
    HourLog log = new HourLog(SessionRules.defaults(), new QuietWindow(from, to));

    DayHours day = log.day(onTuesday(session), UTC, date("2026-01-06"));

    assertThat(day.lateNight()).isEqualTo(lateNight);
  }

  @Test
  void startsAQuietWindowThatFallsInTheSpringForwardGapWhenTheClocksJump() {
    ZoneId la = ZoneId.of("America/Los_Angeles");
    HourLog log =
        new HourLog(
            SessionRules.defaults(), new QuietWindow(LocalTime.of(2, 30), LocalTime.of(7, 0)));
    WorkSession night = manual(la, "2026-03-08T01:00", "2026-03-08T05:00");

    DayHours day = log.day(List.of(night), la, date("2026-03-08"));

    assertThat(day.active()).isEqualTo(hours(3));
    assertThat(day.lateNight()).isEqualTo(hours(2));
  }

  @Test
  void totalsTheWeekendFromSaturdayAndSundayOnly() {
    List<WorkSession> sessions =
        List.of(
            manual(UTC, "2026-01-04T23:00", "2026-01-05T01:00"),
            manual(UTC, "2026-01-05T09:00", "2026-01-05T11:00"),
            manual(UTC, "2026-01-10T10:00", "2026-01-10T13:00"),
            manual(UTC, "2026-01-11T23:00", "2026-01-12T01:00"));

    WeekHours week = LOG.week(sessions, UTC, IsoWeek.parse("2026-W02"));

    assertThat(week.days())
        .extracting(DayHours::active)
        .containsExactly(hours(3), zero(), zero(), zero(), zero(), hours(3), hours(1));
    assertThat(week.total()).isEqualTo(hours(7));
    assertThat(week.weekend()).isEqualTo(hours(4));
    assertThat(week.lateNight()).isEqualTo(hours(2));
  }

  @Test
  void reportsAnEmptyWeekAsSevenZeroDays() {
    WeekHours week = LOG.week(List.of(), KOLKATA, IsoWeek.parse("2026-W48"));

    assertThat(week.days()).extracting(DayHours::date).isEqualTo(IsoWeek.parse("2026-W48").days());
    assertThat(week.total()).isZero();
    assertThat(week.duty()).isZero();
  }

  static WorkSession manual(ZoneId zone, String start, String end) {
    return WorkSession.manual(
        instant(zone, LocalDateTime.parse(start)), instant(zone, LocalDateTime.parse(end)));
  }

  /** Parses "A 09:00-10:00, M 11:00-12:00, D ..." as sessions on Tuesday 2026-01-06 UTC. */
  static List<WorkSession> onTuesday(String text) {
    return Arrays.stream(text.split(","))
        .map(String::trim)
        .map(
            s -> {
              String[] times = s.substring(2).split("-");
              SessionSource source =
                  switch (s.charAt(0)) {
                    case 'A' -> SessionSource.ACTIVITY;
                    case 'M' -> SessionSource.MANUAL;
                    default -> SessionSource.DUTY;
                  };
              return new WorkSession(0, tuesdayAt(times[0]), tuesdayAt(times[1]), source);
            })
        .toList();
  }

  // The earlier offset on an ambiguous fall-back time, as ZonedDateTime picks by default.
  static Instant instant(ZoneId zone, LocalDateTime local) {
    return ZonedDateTime.of(local, zone).toInstant();
  }

  static Instant tuesdayAt(String time) {
    return instant(UTC, date("2026-01-06").atTime(LocalTime.parse(time)));
  }

  static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  static Duration hours(long n) {
    return Duration.ofHours(n);
  }

  static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  static Duration zero() {
    return Duration.ZERO;
  }
}
