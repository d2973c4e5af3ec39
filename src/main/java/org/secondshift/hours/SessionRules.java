package org.secondshift.hours;

import java.time.Duration;
import java.util.Objects;

/**
 * How activity becomes sessions: activity closer than {@code gap} joins one session, and {@code
 * tail} is added after the last activity of an ACTIVITY session.
 */
public record SessionRules(Duration gap, Duration tail) {

  public SessionRules {
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(tail, "tail");
    if (gap.isNegative() || gap.isZero()) {
      throw new IllegalArgumentException("gap must be positive, was " + gap);
    }
    if (tail.isNegative()) {
      throw new IllegalArgumentException("tail must not be negative, was " + tail);
    }
  }

  /** A 30 minute gap and a 10 minute tail. */
  public static SessionRules defaults() {
    return new SessionRules(Duration.ofMinutes(30), Duration.ofMinutes(10));
  }
}
