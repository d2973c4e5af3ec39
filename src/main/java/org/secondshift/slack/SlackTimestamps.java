package org.secondshift.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's {@code "1700000000.000100"} timestamps as instants: ten digits of seconds, a dot and up
 * to six of microseconds. Anything else (exponents, signs, thousands of digits) is not one.
 */
public final class SlackTimestamps {
  /** No Slack message is older: Slack itself is younger than this. */
  public static final Instant EARLIEST = Instant.parse("2009-01-01T00:00:00Z");

  /** How far ahead of our clock a timestamp may be and still be Slack's (clocks drift). */
  public static final Duration MAX_AHEAD = Duration.ofDays(1);

  private static final Pattern TS = Pattern.compile("(\\d{10})(?:\\.(\\d{1,6}))?");

  private SlackTimestamps() {}

  /** Empty for a missing or malformed timestamp, or one from before {@link #EARLIEST}. */
  public static Optional<Instant> toInstant(String ts) {
    if (ts == null) {
      return Optional.empty();
    }
    Matcher m = TS.matcher(ts.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(m.group(1));
    String fraction = m.group(2) == null ? "" : m.group(2);
    long micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00000").substring(0, 6));
    Instant at = Instant.ofEpochSecond(seconds, micros * 1_000);
    return at.isBefore(EARLIEST) ? Optional.empty() : Optional.of(at);
  }

  /** As {@link #toInstant}, and also empty when more than {@link #MAX_AHEAD} after {@code now}. */
  public static Optional<Instant> plausible(String ts, Instant now) {
    return toInstant(ts).filter(at -> !at.isAfter(now.plus(MAX_AHEAD)));
  }
}
