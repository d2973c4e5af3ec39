package org.secondshift.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How real Slack answers in the cases the bot must cope with, gathered in one place so the stand-in
 * holds the bot to Slack's behaviour rather than to our reading of it. Each rule names the Slack
 * document (API method page or SDK source) it follows.
 */
final class SlackRules {
  private SlackRules() {}

  /**
   * A {@code response_url} can be used up to five times within thirty minutes of the interaction
   * (https://api.slack.com/interactivity/handling#message_responses).
   */
  static final int RESPONSE_URL_USES = 5;

  static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

  /** What the stand-in answers (HTTP 404) to a response URL past its uses or its lifetime. */
  static final String RESPONSE_URL_USED_UP = "expired_url";

  static boolean responseUrlUsable(Instant issued, int usesSoFar, Instant now) {
    return usesSoFar < RESPONSE_URL_USES && now.isBefore(issued.plus(RESPONSE_URL_LIFETIME));
  }
}
