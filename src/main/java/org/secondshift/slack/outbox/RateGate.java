package org.secondshift.slack.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A token bucket for the workspace plus a next-allowed instant per channel; not thread-safe. */
final class RateGate {
  private final SendLimits limits;
  private final Map<String, Instant> channelFree = new HashMap<>();
  private double tokens;
  private Instant refilledAt;
  private Instant pausedUntil = Instant.MIN;

  RateGate(SendLimits limits, Instant now) {
    this.limits = limits;
    this.tokens = limits.burst();
    this.refilledAt = now;
  }

  /** The earliest instant a message to {@code channel} may go, given the limits and any pause. */
  Instant readyAt(String channel, Instant now) {
    refill(now);
    Instant ready = later(pausedUntil, channelFree.getOrDefault(channel, Instant.MIN));
    if (tokens < 1) {
      long nanos = (long) Math.ceil((1 - tokens) / limits.perSecond() * 1_000_000_000L);
      ready = later(ready, now.plusNanos(nanos));
    }
    return later(ready, now);
  }

  /** Records that a message to {@code channel} was just sent. */
  void spend(String channel, Instant now) {
    refill(now);
    tokens -= 1;
    channelFree.put(channel, now.plus(limits.perChannel()));
  }

  /** Slack said 429: nothing goes out before {@code until}. */
  void pauseUntil(Instant until) {
    pausedUntil = later(pausedUntil, until);
  }

  Instant pausedUntil() {
    return pausedUntil;
  }

  private void refill(Instant now) {
    if (now.isAfter(refilledAt)) {
      double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(limits.burst(), tokens + seconds * limits.perSecond());
      refilledAt = now;
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
