package org.secondshift.hours;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/** Hours for the seven local days of an ISO week, Monday first. */
public record WeekHours(IsoWeek week, ZoneId zone, List<DayHours> days) {

  public WeekHours {
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(zone, "zone");
    days = List.copyOf(Objects.requireNonNull(days, "days"));
    if (!days.stream().map(DayHours::date).toList().equals(week.days())) {
      throw new IllegalArgumentException("days must be the seven days of " + week + " in order");
    }
  }

  /** Active hours; duty is not included. */
  public Duration total() {
    return sum(d -> true, DayHours::active);
  }

  public Duration lateNight() {
    return sum(d -> true, DayHours::lateNight);
  }

  /** Active hours on Saturday and Sunday. */
  public Duration weekend() {
    return sum(DayHours::isWeekend, DayHours::active);
  }

  public Duration duty() {
    return sum(d -> true, DayHours::duty);
  }

  private Duration sum(Predicate<DayHours> which, Function<DayHours, Duration> field) {
    return days.stream().filter(which).map(field).reduce(Duration.ZERO, Duration::plus);
  }
}
