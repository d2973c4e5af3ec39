package org.secondshift.hours;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of work; id 0 means not yet stored, and {@code last} is the last activity for ACTIVITY
 * sessions and the end for MANUAL and DUTY ones.
 */
public record WorkSession(long id, Instant start, Instant last, SessionSource source) {

  public WorkSession {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(source, "source");
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative, was " + id);
    }
    if (last.isBefore(start)) {
      throw new IllegalArgumentException("last must not be before start: " + start + " > " + last);
    }
  }

  /** A new, unstored ACTIVITY session holding a single moment of activity. */
  public static WorkSession activityAt(Instant at) {
    return new WorkSession(0, at, at, SessionSource.ACTIVITY);
  }

  /** A new, unstored MANUAL session from start to end. */
  public static WorkSession manual(Instant start, Instant end) {
    return new WorkSession(0, start, end, SessionSource.MANUAL);
  }

  /** A new, unstored DUTY session from start to end. */
  public static WorkSession duty(Instant start, Instant end) {
    return new WorkSession(0, start, end, SessionSource.DUTY);
  }

  public WorkSession withId(long newId) {
    return new WorkSession(newId, start, last, source);
  }

  /** Whether {@code at} lies within [start, last]. */
  public boolean contains(Instant at) {
    return !at.isBefore(start) && !at.isAfter(last);
  }

  /** The end of the time this session counts for: last plus the tail for ACTIVITY, else last. */
  public Instant coveredUntil(SessionRules rules) {
    return source == SessionSource.ACTIVITY ? last.plus(rules.tail()) : last;
  }
}
