package org.secondshift.captain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides who takes each shift. The person at the head of the line takes it and goes to the back. A
 * swap or cover pins the shift to someone else while the line moves as planned, so nothing else in
 * the rotation shifts. When the person in line should rest, the most rested eligible member takes
 * the shift and goes to the back, while the person in line stays first and takes the next one, so
 * resting costs nobody their turn.
 */
public final class Planner {
  private final RestSignals rest;

  public Planner(RestSignals rest) {
    this.rest = Objects.requireNonNull(rest, "rest");
  }

  /** Who takes shift {@code seq}, given the line before it and who held the previous shift. */
  public Assignment assign(
      Rotation r, List<String> line, Map<Integer, Pin> overrides, int seq, String previous) {
    Instant start = r.boundary(seq);
    Instant end = r.boundary(seq + 1);
    String planned = line.get(0);
    Pin pinned = overrides.get(seq);
    if (pinned != null) {
      return new Assignment(
          seq, start, end, planned, pinned.userId(), pinned.reason(), toBack(line, planned));
    }
    MoveReason why = unfit(r.teamId(), planned, previous, start);
    if (why == MoveReason.NONE) {
      return new Assignment(seq, start, end, planned, planned, why, toBack(line, planned));
    }
    Optional<String> rested =
        line.stream()
            .skip(1)
            .filter(m -> unfit(r.teamId(), m, previous, start) == MoveReason.NONE)
            .min(Comparator.comparing(m -> rest.workedLast24h(r.teamId(), m, start)));
    if (rested.isEmpty()) {
      // Nobody else can take it either; the person in line keeps the watch rather than leave it
      // empty.
      return new Assignment(
          seq, start, end, planned, planned, MoveReason.NONE, toBack(line, planned));
    }
    return new Assignment(seq, start, end, planned, rested.get(), why, toBack(line, rested.get()));
  }

  /**
   * The next {@code count} shifts from the rotation's watermark on, as far as they are known now.
   */
  public List<Assignment> upcoming(Rotation r, Map<Integer, Pin> overrides, int count) {
    List<Assignment> shifts = new ArrayList<>();
    List<String> line = r.line();
    String previous = r.lastCaptain();
    for (int seq = r.nextSeq(); shifts.size() < count; seq++) {
      Assignment a = assign(r, line, overrides, seq, previous);
      shifts.add(a);
      line = a.lineAfter();
      previous = a.captain();
    }
    return shifts;
  }

  private MoveReason unfit(String teamId, String userId, String previous, Instant at) {
    if (rest.onPause(teamId, userId, at)) {
      return MoveReason.ON_PAUSE;
    }
    if (rest.workedLast24h(teamId, userId, at).compareTo(rest.dailyLimit(teamId, userId)) > 0) {
      return MoveReason.PAST_DAILY_LIMIT;
    }
    if (userId.equals(previous)) {
      return MoveReason.HELD_PREVIOUS_SHIFT;
    }
    return MoveReason.NONE;
  }

  static List<String> toBack(List<String> line, String member) {
    List<String> after = new ArrayList<>(line);
    after.remove(member);
    after.add(member);
    return after;
  }
}
