package org.secondshift.testing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secondshift.hours.DayHours;
import org.secondshift.hours.IsoWeek;
import org.secondshift.hours.WeekHours;
import org.secondshift.summary.MemberWeek;

/** Member weeks built from hours per day, for summary tests. */
public final class MemberWeeks {
  public static final IsoWeek W48 = IsoWeek.parse("2026-W48");

  private MemberWeeks() {}

  /** A member with the given active hours per day (Mon..Sun) and late-night hours on Monday. */
  public static MemberWeek member(String id, String name, double[] hoursPerDay, double lateMonday) {
    List<DayHours> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      LocalDate date = W48.days().get(i);
      Duration active = Duration.ofMinutes(Math.round(hoursPerDay[i] * 60));
      Duration late = i == 0 ? Duration.ofMinutes(Math.round(lateMonday * 60)) : Duration.ZERO;
      days.add(new DayHours(date, active, late, Duration.ZERO));
    }
    return new MemberWeek(
        id, Optional.ofNullable(name), new WeekHours(W48, ZoneId.of("UTC"), days));
  }

  public static double[] weekdays(double h) {
    return new double[] {h, h, h, h, h, 0, 0};
  }

  public static double[] everyDay(double h) {
    return new double[] {h, h, h, h, h, h, h};
  }
}
