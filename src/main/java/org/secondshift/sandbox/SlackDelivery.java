package org.secondshift.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.secondshift.slack.RequestGuard;

/** Signs a request body with the signing secret and posts it to the bot's {@code /slack/events}. */
final class SlackDelivery {
  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";

  private final RequestGuard signer;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  SlackDelivery(String signingSecret, Clock clock) {
    this.signer = new RequestGuard(signingSecret, clock);
    this.clock = clock;
  }

  /** The bot's answer: status and body, as Slack would have received them. */
  record Answer(int status, String body) {}

  Answer deliver(int botPort, String contentType, String body) {
    String ts = Long.toString(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + botPort + "/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(502, "the bot did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, "interrupted");
    }
  }
}
