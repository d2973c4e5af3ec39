package org.secondshift.hours;

import java.util.List;
import java.util.Objects;

/**
 * What to store after absorbing one moment of activity: the session to save (id 0 for a new one)
 * and the ids of sessions it swallowed.
 */
public record Merge(WorkSession session, List<Long> removedIds, boolean changed) {

  public Merge {
    Objects.requireNonNull(session, "session");
    removedIds = List.copyOf(Objects.requireNonNull(removedIds, "removedIds"));
    if (!changed && !removedIds.isEmpty()) {
      throw new IllegalArgumentException("removedIds must be empty when nothing changed");
    }
    if (removedIds.contains(session.id())) {
      throw new IllegalArgumentException("removedIds must not contain the kept id " + session.id());
    }
  }

  /** Nothing to store: the activity already lies inside {@code session}. */
  public static Merge unchanged(WorkSession session) {
    return new Merge(session, List.of(), false);
  }
}
