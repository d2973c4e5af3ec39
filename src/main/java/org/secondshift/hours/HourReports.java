package org.secondshift.hours;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers questions about one person's hours, in their own zone, as of the clock's now. */
public final class HourReports {
  private final SessionHistory history;
  private final ZoneLookup zones;
  private final HourLog log;
  private final Clock clock;

  public HourReports(SessionHistory history, ZoneLookup zones, HourLog log, Clock clock) {
    this.history = history;
    this.zones = zones;
    this.log = log;
    this.clock = clock;
  }

  /** The ISO week that is {@code weeksBack} weeks before the person's current one. */
  public IsoWeek currentWeek(String teamId, String userId, int weeksBack) {
    IsoWeek week = IsoWeek.of(LocalDate.now(clock.withZone(zones.zoneOf(teamId, userId))));
    for (int i = 0; i < weeksBack; i++) {
      week = week.previous();
    }
    return week;
  }

  /** Per-day hours of the given week in the person's zone. */
  public WeekHours week(String teamId, String userId, IsoWeek week) {
    ZoneId zone = zones.zoneOf(teamId, userId);
    Instant from = week.monday().atStartOfDay(zone).toInstant();
    Instant to = week.next().monday().atStartOfDay(zone).toInstant();
    return log.week(sessionsWithOpenManual(teamId, userId, from, to), zone, week, clock.instant());
  }

  /** Today so far, the running session, and whether a manual session is open. */
  public Status status(String teamId, String userId) {
    ZoneId zone = zones.zoneOf(teamId, userId);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant from = today.atStartOfDay(zone).toInstant();
    Optional<ManualStart> manual = history.openManual(teamId, userId);
    List<WorkSession> sessions =
        withOpenManual(history.sessions(teamId, userId, from, now.plusSeconds(1)), manual);
    return new Status(
        zone,
        now,
        log.day(sessions, zone, today, now).active(),
        log.currentSession(sessions, now),
        manual);
  }

  /**
   * Days since the person's last local day with less than {@code dayOffBelow} of work, looking back
   * {@code lookBack} days; empty when every one of those days was a working day.
   */
  public Optional<Integer> daysSinceDayOff(
      String teamId, String userId, Duration dayOffBelow, int lookBack) {
    ZoneId zone = zones.zoneOf(teamId, userId);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant from = today.minusDays(lookBack).atStartOfDay(zone).toInstant();
    List<WorkSession> sessions = sessionsWithOpenManual(teamId, userId, from, now.plusSeconds(1));
    // Today does not count as a day off until it is over.
    for (int back = 1; back <= lookBack; back++) {
      if (log.day(sessions, zone, today.minusDays(back), now).active().compareTo(dayOffBelow) < 0) {
        return Optional.of(back);
      }
    }
    return Optional.empty();
  }

  /** Opens a manual session now; false when one is already open. */
  public boolean startManual(String teamId, String userId, String note) {
    return history.startManual(teamId, userId, clock.instant(), note);
  }

  /** Closes the open manual session now, if any. */
  public Optional<WorkSession> stopManual(String teamId, String userId) {
    return history.stopManual(teamId, userId, clock.instant());
  }

  private List<WorkSession> sessionsWithOpenManual(
      String teamId, String userId, Instant from, Instant to) {
    return withOpenManual(
        history.sessions(teamId, userId, from, to), history.openManual(teamId, userId));
  }

  /** The sessions plus an open manual session counted up to now. */
  private List<WorkSession> withOpenManual(List<WorkSession> stored, Optional<ManualStart> manual) {
    List<WorkSession> sessions = new ArrayList<>(stored);
    Instant now = clock.instant();
    manual
        .filter(open -> open.startedAt().isBefore(now))
        .ifPresent(
            open -> sessions.add(new WorkSession(0, open.startedAt(), now, SessionSource.MANUAL)));
    return sessions;
  }

  /** A snapshot of someone's day. */
  public record Status(
      ZoneId zone,
      Instant now,
      Duration today,
      Optional<Duration> currentSession,
      Optional<ManualStart> manual) {}
}
