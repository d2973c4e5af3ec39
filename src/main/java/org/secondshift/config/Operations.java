package org.secondshift.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the process itself is run, apart from what it does in Slack: how long a stop may take, how
 * long rows are kept, and where metrics are served.
 *
 * @param shutdownGrace the bound on a stop: requests in flight, the send in progress, running jobs
 * @param retention how long activity, sessions and nudges are kept; {@link Duration#ZERO} keeps
 *     everything
 * @param metricsPort the port that serves {@code /metrics}; 0 serves none
 * @param fastPath whether channel messages over HTTP are answered beside Bolt's dispatch (the
 *     answers are the same; off hands every request to Bolt, to rule the shortcut out)
 */
public record Operations(
    Duration shutdownGrace, Duration retention, int metricsPort, boolean fastPath) {
  /** Twenty seconds to stop, 400 days of rows, no metrics, the fast path on. */
  public static final Operations DEFAULTS =
      new Operations(Duration.ofSeconds(20), Duration.ofDays(400), 0, true);

  public Operations {
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(retention, "retention");
    if (shutdownGrace.isNegative() || shutdownGrace.isZero()) {
      throw new IllegalArgumentException("shutdownGrace must be positive: " + shutdownGrace);
    }
    if (retention.isNegative()) {
      throw new IllegalArgumentException("retention must not be negative: " + retention);
    }
    if (metricsPort < 0 || metricsPort > 65_535) {
      throw new IllegalArgumentException("metricsPort out of range: " + metricsPort);
    }
  }

  /** Whether rows are ever deleted for their age. */
  public boolean keepsEverything() {
    return retention.isZero();
  }

  /** Whether {@code /metrics} is served. */
  public boolean servesMetrics() {
    return metricsPort > 0;
  }

  public Operations withShutdownGrace(Duration grace) {
    return new Operations(grace, retention, metricsPort, fastPath);
  }

  public Operations withRetention(Duration kept) {
    return new Operations(shutdownGrace, kept, metricsPort, fastPath);
  }

  public Operations withMetricsPort(int port) {
    return new Operations(shutdownGrace, retention, port, fastPath);
  }

  public Operations withFastPath(boolean on) {
    return new Operations(shutdownGrace, retention, metricsPort, on);
  }
}
