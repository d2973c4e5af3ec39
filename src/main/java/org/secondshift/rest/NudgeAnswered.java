package org.secondshift.rest;

import java.time.Instant;
import java.util.Objects;

/** Someone clicked {@code answer} on {@code nudge} at {@code at}: its message shows the choice. */
public record NudgeAnswered(Nudge nudge, NudgeAnswer answer, Instant at) {
  public NudgeAnswered {
    Objects.requireNonNull(nudge, "nudge");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(at, "at");
  }
}
