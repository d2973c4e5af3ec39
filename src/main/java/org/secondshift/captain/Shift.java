package org.secondshift.captain;

import java.time.Instant;
import java.util.Objects;

/** A shift that has started: who holds the watch, since when and until when. */
public record Shift(int seq, String captain, Instant startedAt, Instant endsAt) {
  public Shift {
    Objects.requireNonNull(captain, "captain");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endsAt, "endsAt");
  }
}
