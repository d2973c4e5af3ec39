package org.secondshift.captain;

import java.util.Objects;

/** What a decision answers the caller, and what it changes. */
public record Decision<R>(R result, Change change) {
  public Decision {
    Objects.requireNonNull(change, "change");
  }

  /** An answer that changes nothing. */
  public static <R> Decision<R> answer(R result) {
    return new Decision<>(result, Change.none());
  }
}
