package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;

/**
 * {@code GET /metrics} on its own port, after real traffic over HTTP: events recorded and
 * deduplicated, the ack latency, commands by outcome, Web API calls and 429s by method, the
 * outbox's deliveries and backlog, the writer's batches, JVM and Jetty meters; no id of a team,
 * person or channel anywhere, and nothing at {@code /metrics} on Slack's port.
 */
class MetricsOverHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ADA = "U0ADA";
  private static final Instant MONDAY_9_BERLIN = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;
  private final Envelopes envelopes = new Envelopes();
  private RunningBot running;
  private int metricsPort;

  @BeforeEach
  void start() throws Exception {
    running = RunningBot.http(dir, MONDAY_9_BERLIN);
    running.slack.addUser(ADA, "ada", "Europe/Berlin");
    metricsPort = freePort();
    running.restartWith(s -> s.withOperations(s.operations().withMetricsPort(metricsPort)));
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  @Test
  void whatTheBotDidIsCountedWithoutAnyIdAndOnlyOnTheMetricsPort() throws Exception {
    // Slack slows the first zone look-up down; the bot asks again after its Retry-After.
    running.slack.rateLimitNext("users.info", 1, 1);
    String first = envelopes.message(ADA, "C0GENERAL", MONDAY_9_BERLIN);
    assertThat(running.requests.json(first).statusCode()).isEqualTo(200);
    assertThat(running.requests.json(first).statusCode()).as("Slack's retry").isEqualTo(200);
    // Three hours ten without a break: a rest nudge, delivered by the outbox.
    for (long m = 10; m <= 190; m += 10) {
      Instant at = MONDAY_9_BERLIN.plus(Duration.ofMinutes(m));
      running.clock.set(at);
      assertThat(running.requests.json(envelopes.message(ADA, "C0GENERAL", at)).statusCode())
          .isEqualTo(200);
      assertThat(running.bot.parts().nudges().awaitIdle(WAIT)).isTrue();
    }
    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    running.bot.parts().outbox().drainAndWait(WAIT);
    running.requests.command(running.slack.teamId(), ADA, "C0GENERAL", "hours");
    running.requests.command(running.slack.teamId(), ADA, "C0GENERAL", "hours sometime");
    running.requests.command(running.slack.teamId(), ADA, "C0GENERAL", "huors");
    running.slack.awaitCalls("users.info", 2, WAIT);

    HttpResponse<String> scraped = get(metricsPort, "/metrics");
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    String m = scraped.body();

    assertThat(value(m, "second_shift_events_total\\{kind=\"message\",outcome=\"recorded\"\\}"))
        .isEqualTo(20);
    assertThat(value(m, "second_shift_events_total\\{kind=\"message\",outcome=\"deduplicated\"\\}"))
        .isEqualTo(1);
    assertThat(value(m, "second_shift_ack_seconds_count\\{type=\"message\"\\}")).isEqualTo(21);
    assertThat(value(m, "second_shift_ack_seconds_count\\{type=\"command\"\\}")).isEqualTo(3);
    assertThat(m).contains("second_shift_ack_seconds_bucket{type=\"message\",le=");
    assertThat(value(m, "second_shift_commands_total\\{outcome=\"ok\",subcommand=\"hours\"\\}"))
        .isEqualTo(1);
    assertThat(value(m, "second_shift_commands_total\\{outcome=\"usage\",subcommand=\"hours\"\\}"))
        .isEqualTo(1);
    assertThat(
            value(m, "second_shift_commands_total\\{outcome=\"unknown\",subcommand=\"unknown\"\\}"))
        .isEqualTo(1);
    assertThat(
            value(
                m,
                "second_shift_slack_calls_total\\{method=\"users.info\",outcome=\"rate_limited\"\\}"))
        .isEqualTo(1);
    assertThat(
            value(
                m,
                "second_shift_slack_calls_total\\{method=\"chat.postMessage\",outcome=\"ok\"\\}"))
        .isEqualTo(1);
    assertThat(value(m, "second_shift_messages_delivered_total\\{kind=\"nudge\"\\}")).isEqualTo(1);
    assertThat(value(m, "second_shift_outbox_waiting")).isZero();
    assertThat(value(m, "second_shift_outbox_oldest_age_seconds")).isZero();
    assertThat(value(m, "second_shift_db_write_batch_writes_count")).isPositive();
    assertThat(value(m, "second_shift_db_commit_seconds_count")).isPositive();
    assertThat(m)
        .contains("jvm_memory_used_bytes", "jetty_threads_current", "process_uptime_seconds");

    // No team, person or channel id, in any label or value.
    assertThat(m).doesNotContain(ADA, "C0GENERAL", running.slack.teamId(), "DU0ADA");
    // And nothing of it where Slack's requests arrive.
    assertThat(get(running.bot.port(), "/metrics").statusCode()).isEqualTo(404);
    assertThat(get(metricsPort, "/slack/events").statusCode()).isEqualTo(404);
  }

  /** The value of the one sample whose name and labels match {@code series} (a regex). */
  private static double value(String scraped, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scraped);
    assertThat(m.find()).as("a sample of %s in:%n%s", series, scraped).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(WAIT)
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
