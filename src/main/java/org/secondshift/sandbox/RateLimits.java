package org.secondshift.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Slack-like limits, off until asked for: a token bucket per method for the whole workspace and one
 * per method and channel. A call beyond them is told how many seconds to wait (Retry-After).
 */
final class RateLimits {
  private final Clock clock;
  private final Map<String, Rate> workspaceRates = new HashMap<>();
  private final Map<String, Rate> channelRates = new HashMap<>();
  private final Map<String, Bucket> buckets = new HashMap<>();

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  synchronized void limit(String method, double perSecond, int burst) {
    workspaceRates.put(method, new Rate(perSecond, burst));
    buckets.remove(method);
  }

  synchronized void limitPerChannel(String method, double perSecond, int burst) {
    channelRates.put(method, new Rate(perSecond, burst));
  }

  /** Empty when the call may go through (and is counted), else the whole seconds to wait. */
  synchronized OptionalLong admit(String method, String channel) {
    Instant now = clock.instant();
    Rate workspace = workspaceRates.get(method);
    Rate perChannel = channel == null ? null : channelRates.get(method);
    Bucket all =
        workspace == null ? null : buckets.computeIfAbsent(method, m -> new Bucket(workspace, now));
    Bucket one =
        perChannel == null
            ? null
            : buckets.computeIfAbsent(method + "#" + channel, k -> new Bucket(perChannel, now));
    double wait = Math.max(all == null ? 0 : all.waitFor(now), one == null ? 0 : one.waitFor(now));
    if (wait > 0) {
      return OptionalLong.of(Math.max(1, (long) Math.ceil(wait)));
    }
    if (all != null) {
      all.take();
    }
    if (one != null) {
      one.take();
    }
    return OptionalLong.empty();
  }

  private record Rate(double perSecond, int burst) {
    Rate {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("perSecond must be positive and burst at least 1");
      }
    }
  }

  private static final class Bucket {
    private final Rate rate;
    private double tokens;
    private Instant at;

    Bucket(Rate rate, Instant now) {
      this.rate = rate;
      this.tokens = rate.burst();
      this.at = now;
    }

    /** Seconds until one token is there; 0 when there is one now. */
    double waitFor(Instant now) {
      if (now.isAfter(at)) {
        tokens =
            Math.min(
                rate.burst(),
                tokens + Duration.between(at, now).toNanos() / 1e9 * rate.perSecond());
        at = now;
      }
      return tokens >= 1 ? 0 : (1 - tokens) / rate.perSecond();
    }

    void take() {
      tokens -= 1;
    }
  }
}
