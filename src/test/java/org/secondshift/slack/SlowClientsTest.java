package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RawHttp;
import org.secondshift.testing.SlackRequests;

/** Clients that send headers and then stall cannot keep the bot from answering anyone else. */
class SlowClientsTest extends BotOverHttp {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Duration PROMPTLY = Duration.ofSeconds(2);

  private final List<RawHttp> stalled = new ArrayList<>();

  SlowClientsTest() {
    super(NOW, person("U0ADA", "ada"));
  }

  @AfterEach
  void closeTheStalledSockets() throws Exception {
    for (RawHttp socket : stalled) {
      socket.close();
    }
  }

  /** Headers that pass every check a server can make before the body: fresh, one of each. */
  private String validLookingHead(long contentLength) {
    return RawHttp.head(
        contentLength,
        Map.of(
            "Content-Type",
            "application/json",
            "X-Slack-Request-Timestamp",
            Long.toString(NOW.getEpochSecond()),
            "X-Slack-Signature",
            "v0=" + "0".repeat(64)));
  }

  @Test
  void twoHundredStalledBodiesLeaveHealthAndSignedRequestsPrompt() throws Exception {
    for (int i = 0; i < 200; i++) {
      stalled.add(RawHttp.connect(running.bot.port()).send(validLookingHead(500), new byte[0]));
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(PROMPTLY).build();
    SlackRequests prompt = running.requests.within(PROMPTLY);

    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + running.bot.port() + "/healthz"))
                .timeout(PROMPTLY)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> command = prompt.command(Envelopes.TEAM, "U0ADA", "C0GENERAL", "help");
    HttpResponse<String> event =
        prompt.json(new Envelopes().message("U0ADA", "C0GENERAL", NOW.minusSeconds(60)));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(command.statusCode()).isEqualTo(200);
    assertThat(command.body()).contains("/shift hours");
    assertThat(event.statusCode()).isEqualTo(200);
  }

  @Test
  void anUnsignedOrStaleRequestIsRefusedWithoutWaitingForItsBody() throws IOException {
    try (RawHttp unsigned = RawHttp.connect(running.bot.port());
        RawHttp stale = RawHttp.connect(running.bot.port())) {
      unsigned.send(RawHttp.head(500, Map.of("Content-Type", "application/json")), new byte[0]);
      stale.send(
          RawHttp.head(
              500,
              Map.of(
                  "Content-Type",
                  "application/json",
                  "X-Slack-Request-Timestamp",
                  Long.toString(NOW.getEpochSecond() - 3600),
                  "X-Slack-Signature",
                  "v0=" + "0".repeat(64))),
          new byte[0]);

      assertThat(unsigned.status(PROMPTLY)).isEqualTo(401);
      assertThat(stale.status(PROMPTLY)).isEqualTo(401);
    }
  }

  @Test
  void aBodyThatNeverComesIsCutOffAfterTheIdleTimeout() throws IOException {
    try (RawHttp socket = RawHttp.connect(running.bot.port())) {
      socket.send(validLookingHead(500), new byte[0]);

      // 408 when Jetty can still answer, or a closed connection; never an endless wait.
      assertThat(socket.status(HttpServer.IDLE_TIMEOUT.multipliedBy(3))).isIn(408, -1);
    }
  }
}
