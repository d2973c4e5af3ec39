package org.secondshift.hours;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Folds one moment of activity into a user's stored ACTIVITY sessions, independent of arrival
 * order.
 */
public final class SessionMerge {

  private SessionMerge() {}

  /**
   * Absorbs activity at {@code at} into the sessions the store found near it.
   *
   * <p>Activity strictly closer than the gap joins a session; one that reaches several sessions
   * merges them and keeps the smallest id. Because every qualifying session is merged, the stored
   * sessions always equal the batch answer for the activity seen so far, whatever its order.
   *
   * @param nearby the user's stored sessions with {@code start - gap < at < last + gap}; unstored,
   *     non-ACTIVITY, duplicate or too distant ones are ignored
   */
  public static Merge absorb(List<WorkSession> nearby, Instant at, SessionRules rules) {
    Objects.requireNonNull(nearby, "nearby");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(rules, "rules");
    List<WorkSession> joined = qualifying(nearby, at, rules);
    if (joined.isEmpty()) {
      return new Merge(WorkSession.activityAt(at), List.of(), true);
    }
    if (joined.size() == 1 && joined.get(0).contains(at)) {
      return Merge.unchanged(joined.get(0));
    }
    return merged(joined, at);
  }

  // The store may hand back more than the query asked for; trusting it would let a far session
  // swallow activity and make the result depend on how the store was asked.
  private static List<WorkSession> qualifying(
      List<WorkSession> nearby, Instant at, SessionRules rules) {
    List<WorkSession> result = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (WorkSession s : nearby) {
      if (s != null
          && s.id() > 0
          && s.source() == SessionSource.ACTIVITY
          && s.start().minus(rules.gap()).isBefore(at)
          && at.isBefore(s.last().plus(rules.gap()))
          && seen.add(s.id())) {
        result.add(s);
      }
    }
    result.sort(Comparator.comparingLong(WorkSession::id));
    return result;
  }

  private static Merge merged(List<WorkSession> joined, Instant at) {
    Instant start = at;
    Instant last = at;
    List<Long> removed = new ArrayList<>();
    for (WorkSession s : joined) {
      start = s.start().isBefore(start) ? s.start() : start;
      last = s.last().isAfter(last) ? s.last() : last;
      if (s != joined.get(0)) {
        removed.add(s.id());
      }
    }
    WorkSession kept = new WorkSession(joined.get(0).id(), start, last, SessionSource.ACTIVITY);
    return new Merge(kept, removed, true);
  }
}
