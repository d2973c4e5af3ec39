package org.secondshift.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.secondshift.captain.Cadence;
import org.secondshift.captain.HandoffTimer;
import org.secondshift.captain.Rotation;
import org.secondshift.captain.Rotations;

/**
 * Two Quartz triggers per rotation, both in the rotation's zone: one at each handoff and one half
 * an hour before it, for the reminder. Cron where the cadence fits a day or a week, a calendar
 * interval that keeps the hour of day for other whole-day cadences.
 */
public final class HandoffTriggers implements HandoffTimer {
  /** How often a sweep looks for anything due regardless of triggers, e.g. note retention. */
  public static final Duration SWEEP = Duration.ofMinutes(5);

  private final Schedules schedules;

  public HandoffTriggers(Schedules schedules) {
    this.schedules = schedules;
  }

  /** The trigger names of a rotation: {@code [handoff, reminder]}. */
  public static List<String> names(String teamId, String channelId) {
    String base = "captain:" + teamId + ":" + channelId;
    return List.of(base + ":handoff", base + ":reminder");
  }

  /** Rebuilds the triggers of every rotation, e.g. at start. */
  public void rebuild(List<Rotation> rotations) {
    rotations.forEach(this::rotationChanged);
  }

  @Override
  public void rotationChanged(Rotation r) {
    List<String> names = names(r.teamId(), r.channelId());
    LocalDateTime first = r.firstHandoff();
    schedule(names.get(0), first, r);
    schedule(names.get(1), first.minus(Rotations.REMINDER), r);
  }

  private void schedule(String name, LocalDateTime at, Rotation r) {
    Cadence c = r.cadence();
    if (c.hours() > 0 || c.days() == 1 || c.days() == 7) {
      schedules.cron(name, HandoffJob.class, cron(at, c), r.zone(), HandoffJob.key(r));
    } else {
      schedules.calendar(
          name,
          HandoffJob.class,
          ZonedDateTime.of(at, r.zone()).toInstant(),
          c.days(),
          r.zone(),
          HandoffJob.key(r));
    }
  }

  /** A Quartz cron expression firing at {@code at}'s local time of day on the cadence. */
  static String cron(LocalDateTime at, Cadence c) {
    String prefix = "0 " + at.getMinute() + " ";
    if (c.hours() > 0) {
      String hours =
          IntStream.range(0, 24 / c.hours())
              .map(k -> (at.getHour() + k * c.hours()) % 24)
              .sorted()
              .mapToObj(Integer::toString)
              .collect(Collectors.joining(","));
      return prefix + hours + " * * ?";
    }
    if (c.days() == 1) {
      return prefix + at.getHour() + " * * ?";
    }
    String day =
        at.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
    return prefix + at.getHour() + " ? * " + day;
  }
}
