package org.secondshift.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;

/**
 * A made-up but plausible year of one team's activity: most people work most weekdays in two or
 * three sessions of 1–4 h with a message every 5–25 min, some weekends, a few late nights, spread
 * over several zones; mostly in one shared channel, some in a smaller side channel.
 *
 * <p>The same seed gives the same year, one local day at a time, so a run never holds it all.
 */
final class SyntheticYear {
  static final String TEAM = "T0BENCH7Q2";
  static final String CHANNEL = "C0BENCHMAIN";
  private static final String[] ZONES = {
    "America/Los_Angeles",
    "America/New_York",
    "America/New_York",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Berlin",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney"
  };
  private static final int SIDE_CHANNELS = 40;
  private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private final List<Member> members;
  private final LocalDate first;
  private final int days;
  private final Instant end;
  private final long seed;

  /** One person's habits. */
  record Member(
      String id,
      ZoneId zone,
      String sideChannel,
      int startMinute,
      double workdayChance,
      double weekendChance,
      double lateChance) {}

  /**
   * @param end nothing happens at or after this instant; the year is the {@code days} local dates
   *     before it
   */
  SyntheticYear(int memberCount, int days, Instant end, long seed) {
    this.days = days;
    this.end = end;
    this.seed = seed;
    this.first = LocalDate.ofInstant(end, ZoneId.of("UTC")).minusDays(days - 1L);
    Random r = new Random(seed);
    List<Member> people = new ArrayList<>(memberCount);
    for (int i = 0; i < memberCount; i++) {
      people.add(
          new Member(
              userId(i),
              ZoneId.of(ZONES[r.nextInt(ZONES.length)]),
              String.format("C0BENCHS%03d", r.nextInt(SIDE_CHANNELS)),
              7 * 60 + 30 + r.nextInt(150),
              0.80 + r.nextDouble() * 0.15,
              r.nextDouble() * 0.15,
              r.nextDouble() * 0.06));
    }
    this.members = List.copyOf(people);
  }

  static String userId(int i) {
    return "U0" + Long.toString(3_000_000_000L + i * 7_919L, 36).toUpperCase();
  }

  List<Member> members() {
    return members;
  }

  int days() {
    return days;
  }

  /** Everyone's activity on the {@code index}-th local date of the year, in time order. */
  List<Activity> day(int index) {
    LocalDate date = first.plusDays(index);
    Random r = new Random(seed * 1_000_003L + index);
    List<Activity> out = new ArrayList<>();
    for (Member m : members) {
      workday(m, date, r, out);
    }
    out.sort(Comparator.comparing(Activity::at));
    return out;
  }

  private void workday(Member m, LocalDate date, Random r, List<Activity> out) {
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (r.nextDouble() < (weekend ? m.weekendChance() : m.workdayChance())) {
      ZonedDateTime at =
          date.atStartOfDay(m.zone()).plusMinutes(m.startMinute() + r.nextInt(61) - 30L);
      int sessions = weekend ? 1 : 2 + (r.nextDouble() < 0.3 ? 1 : 0);
      for (int s = 0; s < sessions; s++) {
        at = session(m, at, 60 + r.nextInt(181), r, out);
        at = at.plusMinutes(45 + r.nextInt(46));
      }
    }
    if (r.nextDouble() < m.lateChance()) {
      session(
          m,
          date.atStartOfDay(m.zone()).plusHours(22).plusMinutes(r.nextInt(90)),
          45 + r.nextInt(120),
          r,
          out);
    }
  }

  /** Messages every 5–25 min for about {@code minutes}; returns when the last one was. */
  private ZonedDateTime session(
      Member m, ZonedDateTime start, int minutes, Random r, List<Activity> out) {
    ZonedDateTime at = start;
    ZonedDateTime last = start;
    ZonedDateTime until = start.plusMinutes(minutes);
    while (!at.isAfter(until)) {
      Instant instant = at.toInstant().plusMillis(r.nextInt(60_000));
      if (instant.isBefore(end)) {
        String channel = r.nextDouble() < 0.75 ? CHANNEL : m.sideChannel();
        out.add(new Activity(eventId(r), TEAM, m.id(), channel, instant, kind(r)));
      }
      last = at;
      at = at.plus(Duration.ofMinutes(5 + r.nextInt(21)));
    }
    return last;
  }

  private static ActivityKind kind(Random r) {
    double p = r.nextDouble();
    return p < 0.70
        ? ActivityKind.MESSAGE
        : p < 0.85
            ? ActivityKind.THREAD_REPLY
            : p < 0.90 ? ActivityKind.MENTION : ActivityKind.REACTION;
  }

  /** Shaped like Slack's: {@code Ev} and ten upper-case letters or digits. */
  private static String eventId(Random r) {
    char[] id = new char[12];
    id[0] = 'E';
    id[1] = 'v';
    for (int i = 2; i < id.length; i++) {
      id[i] = ID_CHARS[r.nextInt(ID_CHARS.length)];
    }
    return new String(id);
  }
}
