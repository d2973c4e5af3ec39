package org.secondshift.summary;

import java.time.Duration;
import java.util.Objects;

/** Captain shifts held in the channel's rotation during the week, and the duty hours. */
public record CaptainTally(int shifts, Duration duty) {
  public CaptainTally {
    if (shifts < 0) {
      throw new IllegalArgumentException("shifts must not be negative: " + shifts);
    }
    Objects.requireNonNull(duty, "duty");
  }

  public static CaptainTally none() {
    return new CaptainTally(0, Duration.ZERO);
  }
}
