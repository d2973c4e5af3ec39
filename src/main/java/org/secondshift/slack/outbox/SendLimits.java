package org.secondshift.slack.outbox;

import java.time.Duration;

/**
 * How fast the outbox may post: a workspace-wide rate with a small burst, and a minimum interval
 * per channel (Slack allows about one message per second per channel).
 */
public record SendLimits(double perSecond, int burst, Duration perChannel) {
  public SendLimits {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
    if (perChannel == null || perChannel.isNegative()) {
      throw new IllegalArgumentException("perChannel must be zero or positive");
    }
  }

  public static SendLimits slackDefaults() {
    return new SendLimits(20, 10, Duration.ofSeconds(1));
  }
}
