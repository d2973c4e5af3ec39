package org.secondshift.slack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Slack's {@code "1700000000.000100"} timestamps as instants. */
public final class SlackTimestamps {
  private SlackTimestamps() {}

  /** Empty for a missing or malformed timestamp. */
  public static Optional<Instant> toInstant(String ts) {
    if (ts == null || ts.isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal seconds = new BigDecimal(ts.trim());
      if (seconds.signum() <= 0) {
        return Optional.empty();
      }
      long whole = seconds.longValue();
      long micros = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(6).longValue();
      return Optional.of(Instant.ofEpochSecond(whole, micros * 1_000));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
