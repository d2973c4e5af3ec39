package org.secondshift.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A nudge someone already had: enough to apply the cooldown and the daily cap. */
public record PastNudge(NudgeKind kind, Instant decidedAt, LocalDate localDate) {
  public PastNudge {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(localDate, "localDate");
  }
}
