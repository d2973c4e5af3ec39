package org.secondshift.summary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import org.secondshift.hours.IsoWeek;

/** A channel's weekly summary: posted on a weekday at a local time, about the week before. */
public record SummaryPlan(
    String teamId,
    String channelId,
    DayOfWeek day,
    LocalTime at,
    ZoneId zone,
    String createdBy,
    Instant createdAt) {
  public SummaryPlan {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The most recent posting time at or before {@code now}; 09:00 stays 09:00 across DST. */
  public Instant lastDueAtOrBefore(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate candidate = today.with(TemporalAdjusters.previousOrSame(day));
    Instant due = ZonedDateTime.of(candidate, at, zone).toInstant();
    return due.isAfter(now) ? ZonedDateTime.of(candidate.minusWeeks(1), at, zone).toInstant() : due;
  }

  /** The posting time due at or before {@code now} that came after the plan was made, if any. */
  public java.util.Optional<Instant> dueSinceCreated(Instant now) {
    Instant due = lastDueAtOrBefore(now);
    return due.isBefore(createdAt) ? java.util.Optional.empty() : java.util.Optional.of(due);
  }

  /** The week a post made at {@code due} is about: the ISO week before the one it falls in. */
  public IsoWeek weekReportedAt(Instant due) {
    return IsoWeek.of(LocalDate.ofInstant(due, zone)).previous();
  }

  /** Quartz cron for this plan, read in {@link #zone()}. */
  public String cron() {
    String dow = day.name().substring(0, 3);
    return "0 " + at.getMinute() + " " + at.getHour() + " ? * " + dow;
  }
}
