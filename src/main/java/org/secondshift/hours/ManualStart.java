package org.secondshift.hours;

import java.time.Instant;
import java.util.Objects;

/** A manual session someone opened with {@code /shift start} and has not yet stopped. */
public record ManualStart(Instant startedAt, String note) {
  public ManualStart {
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
