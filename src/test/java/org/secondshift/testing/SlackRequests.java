package org.secondshift.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.RequestGuard;

/** Sends requests to the bot the way Slack does: over HTTP, signed with the signing secret. */
public final class SlackRequests {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI endpoint;
  private final RequestGuard signer;
  private final Clock clock;
  private final SlackStandIn slack;
  private final Duration timeout;

  /** Requests from {@code slack}'s workspace: its trigger ids go with commands. */
  public SlackRequests(int port, String signingSecret, Clock clock, SlackStandIn slack) {
    this(
        URI.create("http://127.0.0.1:" + port + "/slack/events"),
        new RequestGuard(signingSecret, clock),
        clock,
        slack,
        null);
  }

  private SlackRequests(
      URI endpoint, RequestGuard signer, Clock clock, SlackStandIn slack, Duration timeout) {
    this.endpoint = endpoint;
    this.signer = signer;
    this.clock = clock;
    this.slack = slack;
    this.timeout = timeout;
  }

  /** The same requests, each failing unless answered within {@code timeout}. */
  public SlackRequests within(Duration timeout) {
    return new SlackRequests(endpoint, signer, clock, slack, timeout);
  }

  public HttpResponse<String> json(String body) {
    return send("application/json", body, clock.instant().getEpochSecond(), Map.of());
  }

  public HttpResponse<String> json(String body, Map<String, String> headers) {
    return send("application/json", body, clock.instant().getEpochSecond(), headers);
  }

  /** A slash command as Slack posts it: a form body. */
  public HttpResponse<String> command(String teamId, String userId, String channelId, String text) {
    return command(teamId, userId, channelId, "general", text);
  }

  /**
   * As above, run in a conversation Slack names {@code channelName}: {@code directmessage} in a DM,
   * {@code mpdm-…} in a group DM.
   */
  public HttpResponse<String> command(
      String teamId, String userId, String channelId, String channelName, String text) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-unused");
    form.put("team_id", teamId);
    form.put("team_domain", "sandbox");
    form.put("channel_id", channelId);
    form.put("channel_name", channelName);
    form.put("user_id", userId);
    form.put("user_name", "someone");
    form.put("command", "/shift");
    form.put("text", text);
    form.put("api_app_id", "A0SANDBOX");
    form.put("response_url", "https://hooks.example.invalid/commands/1");
    form.put("trigger_id", slack.mintTrigger(userId));
    return form(form);
  }

  public HttpResponse<String> form(Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        "application/x-www-form-urlencoded", body, clock.instant().getEpochSecond(), Map.of());
  }

  /** Full control, for forged and stale requests. */
  public HttpResponse<String> send(
      String contentType, String body, long timestamp, Map<String, String> headers) {
    String ts = Long.toString(timestamp);
    HttpRequest.Builder req =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(req::setHeader);
    if (timeout != null) {
      req.timeout(timeout);
    }
    return send(req.build());
  }

  /** A body sent byte for byte as given, signed over those bytes. */
  public HttpResponse<String> bytes(String contentType, byte[] body) {
    String ts = Long.toString(clock.instant().getEpochSecond());
    return send(
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** The signature Slack would send for this timestamp and body. */
  public String signature(String timestamp, String body) {
    return signer.sign(timestamp, body);
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("request to the bot failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
