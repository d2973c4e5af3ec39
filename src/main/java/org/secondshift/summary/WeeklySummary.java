package org.secondshift.summary;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.secondshift.hours.DayHours;
import org.secondshift.hours.IsoWeek;

/**
 * A channel's week in figures, computed from its members' weeks. It holds no per-person figure:
 * only totals, a distribution, and the names of people who opted in where a name is shown.
 *
 * @param people members with any hours this week
 * @param distribution how many people fell in each band of weekly hours
 * @param noDayOffNames names of opted-in people without a day off; the rest count only in the
 *     number
 * @param change total hours against the previous week, empty when that week had none or was not
 *     seen in full
 * @param firstFullWeek the bot did not see all of the week before (installed, or data starting,
 *     within it): this is the first week it can speak for, and nothing is compared
 */
public record WeeklySummary(
    IsoWeek week,
    int people,
    Duration total,
    Duration median,
    List<Band> distribution,
    Duration lateNight,
    Duration weekend,
    int noDayOff,
    List<String> noDayOffNames,
    CaptainTally captain,
    NudgeTally nudges,
    Optional<Double> change,
    boolean firstFullWeek,
    List<DayLoad> days,
    Highlight highlight) {

  /** Below this many active people no figure is shown, so nobody can be singled out. */
  public static final int MIN_GROUP = 3;

  static final Duration[] BAND_EDGES = {
    Duration.ofHours(10),
    Duration.ofHours(20),
    Duration.ofHours(30),
    Duration.ofHours(40),
    Duration.ofHours(50),
    Duration.ofHours(60)
  };

  public WeeklySummary {
    Objects.requireNonNull(week, "week");
    distribution = List.copyOf(distribution);
    noDayOffNames = List.copyOf(noDayOffNames);
    days = List.copyOf(days);
  }

  /** Whether the group is large enough to show figures at all. */
  public boolean showsFigures() {
    return people >= MIN_GROUP;
  }

  public double lateNightShare() {
    return share(lateNight);
  }

  public double weekendShare() {
    return share(weekend);
  }

  private double share(Duration part) {
    return total.isZero() ? 0 : part.toSeconds() / (double) total.toSeconds();
  }

  /** Computes the summary of {@code week} from this week's and last week's member weeks. */
  public static WeeklySummary of(
      IsoWeek week,
      List<MemberWeek> members,
      List<MemberWeek> previous,
      CaptainTally captain,
      NudgeTally nudges) {
    return of(week, members, previous, true, captain, nudges);
  }

  /** As above; {@code previousSeen} false when the bot did not see all of the week before. */
  public static WeeklySummary of(
      IsoWeek week,
      List<MemberWeek> members,
      List<MemberWeek> previous,
      boolean previousSeen,
      CaptainTally captain,
      NudgeTally nudges) {
    List<MemberWeek> active = members.stream().filter(MemberWeek::active).toList();
    List<Duration> totals = active.stream().map(m -> m.hours().total()).sorted().toList();
    Duration total = totals.stream().reduce(Duration.ZERO, Duration::plus);
    Duration late = sum(active, m -> m.hours().lateNight());
    Duration weekend = sum(active, m -> m.hours().weekend());
    List<MemberWeek> noDayOff = active.stream().filter(MemberWeek::hadNoDayOff).toList();
    Duration before =
        sum(previous.stream().filter(MemberWeek::active).toList(), m -> m.hours().total());
    Optional<Double> change =
        before.isZero() || !previousSeen
            ? Optional.empty()
            : Optional.of((total.toSeconds() - before.toSeconds()) / (double) before.toSeconds());
    WeeklySummary draft =
        new WeeklySummary(
            week,
            active.size(),
            total,
            median(totals),
            bands(totals),
            late,
            weekend,
            noDayOff.size(),
            noDayOff.stream().flatMap(m -> m.name().stream()).sorted().toList(),
            captain,
            nudges,
            change,
            !previousSeen,
            days(week, active),
            Highlight.STEADY);
    return draft.withHighlight(highlight(draft));
  }

  private WeeklySummary withHighlight(Highlight h) {
    return new WeeklySummary(
        week,
        people,
        total,
        median,
        distribution,
        lateNight,
        weekend,
        noDayOff,
        noDayOffNames,
        captain,
        nudges,
        change,
        firstFullWeek,
        days,
        h);
  }

  private static Highlight highlight(WeeklySummary s) {
    if (!s.showsFigures()) {
      return Highlight.TOO_FEW_PEOPLE;
    }
    if (s.noDayOff >= 2 || s.noDayOff * 3 >= s.people) {
      return Highlight.NO_DAY_OFF;
    }
    if (s.lateNightShare() >= 0.15) {
      return Highlight.LATE_NIGHT;
    }
    // Judged on the whole percent the post shows, so "+20 %" never sits under "a steady week".
    if (s.change.filter(c -> Math.round(c * 100) >= 20).isPresent()) {
      return Highlight.HOURS_UP;
    }
    if (s.change.filter(c -> Math.round(c * 100) <= -20).isPresent()) {
      return Highlight.HOURS_DOWN;
    }
    return Highlight.STEADY;
  }

  private static Duration median(List<Duration> sorted) {
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(mid)
        : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
  }

  private static List<Band> bands(List<Duration> totals) {
    List<Band> bands = new ArrayList<>();
    Duration low = Duration.ZERO;
    for (Duration edge : BAND_EDGES) {
      Duration from = low;
      bands.add(
          new Band(
              from,
              Optional.of(edge),
              (int)
                  totals.stream()
                      .filter(t -> t.compareTo(from) >= 0 && t.compareTo(edge) < 0)
                      .count()));
      low = edge;
    }
    Duration top = low;
    bands.add(
        new Band(
            top,
            Optional.empty(),
            (int) totals.stream().filter(t -> t.compareTo(top) >= 0).count()));
    return bands;
  }

  private static List<DayLoad> days(IsoWeek week, List<MemberWeek> members) {
    List<DayLoad> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      int index = i;
      LocalDate date = week.days().get(i);
      List<DayHours> those = members.stream().map(m -> m.hours().days().get(index)).toList();
      Duration active = those.stream().map(DayHours::active).reduce(Duration.ZERO, Duration::plus);
      Duration late = those.stream().map(DayHours::lateNight).reduce(Duration.ZERO, Duration::plus);
      Duration duty = those.stream().map(DayHours::duty).reduce(Duration.ZERO, Duration::plus);
      days.add(new DayLoad(date, active.minus(late), late, duty));
    }
    return days;
  }

  private static Duration sum(
      List<MemberWeek> members, java.util.function.Function<MemberWeek, Duration> f) {
    return members.stream().map(f).reduce(Duration.ZERO, Duration::plus);
  }

  /** People whose weekly hours fall in [from, to); an open band has no upper edge. */
  public record Band(Duration from, Optional<Duration> to, int people) {
    public String label() {
      long low = from.toHours();
      return to.map(t -> low + "–" + t.toHours() + " h").orElse(low + "+ h");
    }
  }
}
