package org.secondshift.captain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who holds one shift: the person in line ({@code planned}), who actually takes it and why, and the
 * line as it stands afterwards.
 */
public record Assignment(
    int seq,
    Instant start,
    Instant end,
    String planned,
    String captain,
    MoveReason reason,
    List<String> lineAfter) {
  public Assignment {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(planned, "planned");
    Objects.requireNonNull(captain, "captain");
    Objects.requireNonNull(reason, "reason");
    lineAfter = List.copyOf(lineAfter);
  }

  /** Whether someone other than the person in line takes it. */
  public boolean moved() {
    return !planned.equals(captain);
  }

  /** The same shift starting at {@code at} instead, e.g. when handed over early. */
  public Assignment startingAt(Instant at) {
    return new Assignment(seq, at, end, planned, captain, reason, lineAfter);
  }
}
