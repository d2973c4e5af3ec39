package org.secondshift.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.secondshift.sandbox.RecordedCall;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.store.DatabaseLocation;

/** What the two-node tests share: a node's settings, and what the nodes posted to the stand-in. */
final class Cluster {
  static final String SECRET = "two-node-secret";
  static final String TOKEN = "xoxb-two-nodes";

  private Cluster() {}

  /** The settings of a node on {@code db} against {@code slack}. */
  static Map<String, String> env(SlackStandIn slack, DatabaseLocation db) {
    return env(slack, db, TOKEN, Map.of());
  }

  /**
   * As above, with a bot token of its own, so the stand-in's calls tell which node made them, and
   * {@code more} settings.
   */
  static Map<String, String> env(
      SlackStandIn slack, DatabaseLocation db, String botToken, Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.putAll(
        Map.of(
            "SLACK_BOT_TOKEN",
            botToken,
            "SLACK_SIGNING_SECRET",
            SECRET,
            "SLACK_API_URL",
            slack.apiUrl(),
            "SECOND_SHIFT_DATABASE_URL",
            db.jdbcUrl()));
    return env;
  }

  /** The {@code chat.postMessage} calls to {@code channel}, oldest first, 429s included. */
  static List<RecordedCall> postsTo(SlackStandIn slack, String channel) {
    return slack.calls("chat.postMessage").stream()
        .filter(c -> channel.equals(c.param("channel")))
        .toList();
  }

  static long postsIn(SlackStandIn slack, String channel) {
    return postsTo(slack, channel).size();
  }

  /** Waits on the stand-in's calls until {@code channel} has had {@code count} posts. */
  static void awaitPostsIn(SlackStandIn slack, String channel, long count, Duration timeout) {
    Instant deadline = Clock.systemUTC().instant().plus(timeout);
    while (postsIn(slack, channel) < count) {
      Duration left = Duration.between(Clock.systemUTC().instant(), deadline);
      assertThat(left.isNegative()).as("%d posts in %s in time", count, channel).isFalse();
      try {
        slack.awaitCalls("chat.postMessage", slack.calls("chat.postMessage").size() + 1, left);
      } catch (IllegalStateException timedOut) {
        // checked by the loop
      }
    }
  }
}
