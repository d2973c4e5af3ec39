package org.secondshift.captain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rotation model alone: who takes each shift, and when, in the rotation's own zone. */
class PlannerTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  /** Rest signals set by hand: who is on pause and how much each person worked. */
  static final class Rest implements RestSignals {
    final Set<String> paused = new HashSet<>();
    final Map<String, Duration> worked = new HashMap<>();

    @Override
    public boolean onPause(String teamId, String userId, Instant at) {
      return paused.contains(userId);
    }

    @Override
    public Duration workedLast24h(String teamId, String userId, Instant at) {
      return worked.getOrDefault(userId, Duration.ZERO);
    }

    @Override
    public Duration dailyLimit(String teamId, String userId) {
      return Duration.ofHours(10);
    }
  }

  private final Rest rest = new Rest();
  private final Planner planner = new Planner(rest);

  private static Rotation rotation(
      Cadence cadence, LocalDateTime first, ZoneId zone, String... roster) {
    return Rotation.create("T1", "C1", List.of(roster), cadence, first, zone);
  }

  private static List<String> captains(List<Assignment> shifts) {
    return shifts.stream().map(Assignment::captain).toList();
  }

  @Test
  void theRosterTakesTurnsInOrderAtTheSameLocalTimes() {
    Rotation r =
        rotation(
            Cadence.ofHours(12), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    List<Assignment> shifts = planner.upcoming(r, Map.of(), 6);
    assertThat(captains(shifts)).containsExactly("a", "b", "c", "a", "b", "c");
    assertThat(shifts)
        .extracting(s -> s.start().atZone(BERLIN).toLocalTime())
        .containsExactly(
            LocalTime.of(9, 0),
            LocalTime.of(21, 0),
            LocalTime.of(9, 0),
            LocalTime.of(21, 0),
            LocalTime.of(9, 0),
            LocalTime.of(21, 0));
    assertThat(shifts.get(0).end()).isEqualTo(shifts.get(1).start());
  }

  @Test
  void aSwapTradesTwoShiftsAndNothingElseMoves() {
    Rotation r =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    Map<Integer, Pin> pins =
        Map.of(0, new Pin(0, "b", MoveReason.SWAP), 1, new Pin(1, "a", MoveReason.SWAP));
    List<Assignment> shifts = planner.upcoming(r, pins, 6);
    assertThat(captains(shifts)).containsExactly("b", "a", "c", "a", "b", "c");
    assertThat(shifts.get(0).reason()).isEqualTo(MoveReason.SWAP);
    assertThat(shifts.get(0).planned()).isEqualTo("a");
  }

  @Test
  void aCoverForSicknessTakesOneShiftAndTheRestStaysPut() {
    Rotation r =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    List<Assignment> shifts = planner.upcoming(r, Map.of(1, new Pin(1, "d", MoveReason.COVER)), 6);
    assertThat(captains(shifts)).containsExactly("a", "d", "c", "a", "b", "c");
  }

  @Test
  void skippingSendsTheNextInLineToTheBackOnce() {
    Rotation r =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    Rotation skipped = r.withLine(Planner.toBack(r.line(), "a"));
    assertThat(captains(planner.upcoming(skipped, Map.of(), 5)))
        .containsExactly("b", "c", "a", "b", "c");
  }

  @Test
  void someoneOnPauseIsPassedOverForTheMostRestedAndKeepsTheirPlace() {
    Rotation r =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    rest.paused.add("a");
    rest.worked.put("b", Duration.ofHours(6));
    rest.worked.put("c", Duration.ofHours(1));
    Assignment first = planner.assign(r, r.line(), Map.of(), 0, null);
    assertThat(first.captain()).isEqualTo("c");
    assertThat(first.planned()).isEqualTo("a");
    assertThat(first.reason()).isEqualTo(MoveReason.ON_PAUSE);
    // a stays first in line, so they do not lose their turn.
    assertThat(first.lineAfter()).containsExactly("a", "b", "c");
  }

  @Test
  void someonePastTheirDailyLimitIsMovedWithThatReason() {
    Rotation r =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    rest.worked.put("a", Duration.ofHours(11));
    Assignment first = planner.assign(r, r.line(), Map.of(), 0, null);
    assertThat(first.captain()).isEqualTo("b");
    assertThat(first.reason()).isEqualTo(MoveReason.PAST_DAILY_LIMIT);
  }

  @Test
  void whoeverHeldThePreviousShiftDoesNotTakeTheNextOne() {
    Rotation r =
        rotation(
            Cadence.ofHours(12), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    Assignment next = planner.assign(r, List.of("a", "b", "c"), Map.of(), 0, "a");
    assertThat(next.captain()).isEqualTo("b");
    assertThat(next.reason()).isEqualTo(MoveReason.HELD_PREVIOUS_SHIFT);
  }

  @Test
  void aLoneMemberKeepsTheWatchRatherThanLeaveItEmpty() {
    Rotation r = rotation(Cadence.daily(), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a");
    assertThat(captains(planner.upcoming(r, Map.of(), 3))).containsExactly("a", "a", "a");
  }

  @Test
  void joiningAndLeavingMidRotationKeepTheOthersInOrder() {
    Rotation r =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    Assignment first = planner.assign(r, r.line(), Map.of(), 0, null);
    Rotation afterOne = r.advancedTo(1, first.lineAfter(), first.captain());
    Rotation joined =
        afterOne.withMembers(List.of("a", "b", "c", "d"), List.of("b", "c", "a", "d"));
    assertThat(captains(planner.upcoming(joined, Map.of(), 5)))
        .containsExactly("b", "c", "a", "d", "b");
    Rotation left = joined.withMembers(List.of("a", "c", "d"), List.of("c", "a", "d"));
    assertThat(captains(planner.upcoming(left, Map.of(), 4))).containsExactly("c", "a", "d", "c");
  }

  @Test
  void overAnyFourWeeksShiftCountsDifferByAtMostOne() {
    Rotation r =
        rotation(
            Cadence.ofHours(12), LocalDateTime.parse("2026-11-23T09:00"), BERLIN, "a", "b", "c");
    assertThat(spread(history(r, 200, -1), 56)).isLessThanOrEqualTo(1);
  }

  @Test
  void restMovesShiftCountsInFourWeeksByAtMostOneEachWay() {
    Rotation r =
        rotation(
            Cadence.ofHours(12),
            LocalDateTime.parse("2026-11-23T09:00"),
            BERLIN,
            "a",
            "b",
            "c",
            "d");
    List<String> history = history(r, 200, 17);
    assertThat(history).contains("a", "b", "c", "d");
    // Someone who must rest may end a shift behind and whoever took it a shift ahead, never more.
    assertThat(spread(history, 56)).isLessThanOrEqualTo(2);
    assertThat(spread(history(r, 200, -1), 56)).isZero();
  }

  /**
   * Who took each of {@code count} shifts when the person in line is over their limit every {@code
   * every}th.
   */
  private List<String> history(Rotation r, int count, int every) {
    List<String> line = r.line();
    String previous = null;
    List<String> history = new java.util.ArrayList<>();
    for (int seq = 0; seq < count; seq++) {
      rest.worked.clear();
      if (every > 0 && seq % every == 5) {
        rest.worked.put(line.get(0), Duration.ofHours(12));
      }
      Assignment a = planner.assign(r, line, Map.of(), seq, previous);
      history.add(a.captain());
      line = a.lineAfter();
      previous = a.captain();
    }
    return history;
  }

  /** The largest difference of shift counts within any window of {@code size} shifts. */
  private static int spread(List<String> history, int size) {
    int worst = 0;
    for (int from = 0; from + size <= history.size(); from++) {
      Map<String, Integer> counts = new HashMap<>();
      new HashSet<>(history).forEach(m -> counts.put(m, 0));
      history.subList(from, from + size).forEach(c -> counts.merge(c, 1, Integer::sum));
      int max = counts.values().stream().max(Integer::compare).orElseThrow();
      int min = counts.values().stream().min(Integer::compare).orElseThrow();
      worst = Math.max(worst, max - min);
    }
    return worst;
  }

  @Test
  void losAngelesHandoffsStayAtNineAcrossBothDstChanges() {
    Rotation r =
        rotation(
            Cadence.ofHours(12), LocalDateTime.parse("2026-03-06T09:00"), LOS_ANGELES, "a", "b");
    assertLocalTimesAcross(r, LocalDateTime.parse("2026-03-08T09:00"), Duration.ofHours(11));
    Rotation fall =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-10-30T09:00"), LOS_ANGELES, "a", "b");
    assertLocalTimesAcross(fall, LocalDateTime.parse("2026-11-01T09:00"), Duration.ofHours(25));
  }

  @Test
  void berlinHandoffsStayAtNineAcrossBothDstChanges() {
    Rotation spring =
        rotation(Cadence.daily(), LocalDateTime.parse("2026-03-27T09:00"), BERLIN, "a", "b");
    assertLocalTimesAcross(spring, LocalDateTime.parse("2026-03-29T09:00"), Duration.ofHours(23));
    Rotation fall =
        rotation(Cadence.ofHours(12), LocalDateTime.parse("2026-10-23T09:00"), BERLIN, "a", "b");
    assertLocalTimesAcross(fall, LocalDateTime.parse("2026-10-25T09:00"), Duration.ofHours(13));
  }

  @Test
  void theNextBoundaryAfterAnInstantIsFoundAcrossManyShifts() {
    Rotation r = rotation(Cadence.ofHours(8), LocalDateTime.parse("2026-01-01T06:00"), BERLIN, "a");
    int seq = r.firstSeqAfter(Instant.parse("2026-07-01T05:30:00Z"));
    assertThat(r.boundary(seq)).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
    assertThat(r.boundary(seq - 1)).isBefore(Instant.parse("2026-07-01T05:30:00Z").plusNanos(1));
  }

  /**
   * The shift ending at {@code changeDay} is longer or shorter in real time; local times never
   * move.
   */
  private void assertLocalTimesAcross(Rotation r, LocalDateTime changeDay, Duration realLength) {
    List<Assignment> shifts = planner.upcoming(r, Map.of(), 12);
    LocalTime first = r.firstHandoff().toLocalTime();
    for (Assignment a : shifts) {
      LocalTime local = a.start().atZone(r.zone()).toLocalTime();
      assertThat(local.getMinute()).isZero();
      assertThat(r.cadence().hours() == 0 ? local : local.withHour(local.getHour() % 12))
          .isEqualTo(r.cadence().hours() == 0 ? first : first.withHour(first.getHour() % 12));
    }
    Assignment across =
        shifts.stream()
            .filter(a -> a.end().atZone(r.zone()).toLocalDateTime().equals(changeDay))
            .findFirst()
            .orElseThrow();
    assertThat(Duration.between(across.start(), across.end())).isEqualTo(realLength);
  }
}
