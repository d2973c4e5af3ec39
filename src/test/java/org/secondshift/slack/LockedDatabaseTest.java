package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.BotOverHttp;

/** Another process holding SQLite's write lock makes the bot ask Slack to retry, in time. */
class LockedDatabaseTest extends BotOverHttp {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  /** Slack's own limit for an answer. */
  private static final Duration SLACKS_PATIENCE = Duration.ofSeconds(3);

  LockedDatabaseTest() {
    super(NOW, person("U0ADA", "ada"), person("U0BEN", "ben"));
  }

  @Test
  void anEventWaitingOnALockedDatabaseGets503InTimeAndItsRetryIsRecordedOnce() throws Exception {
    String eventId = envelopes.eventId();
    String event = envelopes.message(eventId, "U0ADA", "C0GENERAL", NOW.minusSeconds(60), null);

    HttpResponse<String> whileLocked;
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + running.database);
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      whileLocked = running.requests.within(SLACKS_PATIENCE).json(event);
      s.execute("ROLLBACK");
    }
    // Anything the writer still held would be written before this later event.
    assertThat(running.requests.json(envelopes.message("U0BEN", "C0GENERAL", NOW)).statusCode())
        .isEqualTo(200);
    long afterRelease = running.count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0ADA'");
    Map<String, String> retry =
        Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error");
    HttpResponse<String> retried = running.requests.json(event, retry);
    HttpResponse<String> again = running.requests.json(event, retry);

    assertThat(whileLocked.statusCode()).isEqualTo(503);
    assertThat(afterRelease).as("the event answered 503 was not written later").isZero();
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM activity WHERE user_id = 'U0ADA' AND event_id = '"
                    + eventId
                    + "'"))
        .isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM work_session WHERE user_id = 'U0ADA'"))
        .isEqualTo(1);
  }

  @Test
  void healthStaysUpWhileTheDatabaseIsLockedForWriting() throws Exception {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + running.database);
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      HttpResponse<String> health =
          running.requests.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + running.bot.port() + "/healthz"))
                  .timeout(SLACKS_PATIENCE)
                  .build());
      s.execute("ROLLBACK");
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }
}
