package org.secondshift.slack;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RawHttp;
import org.secondshift.testing.RunningBot;

/** Forged, stale, malformed, oversized and odd-shaped requests get a clear 4xx, never a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Path SAMPLES = Path.of("src/test/resources/slack-samples");

  private RunningBot running;
  private final Envelopes envelopes = new Envelopes();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    running = RunningBot.http(dir, NOW);
    running.slack.addUser("U0ADA", "ada", "Europe/Berlin");
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  @Test
  void staleAndFutureTimestampsAreUnauthorized() {
    String body = envelopes.message("U0ADA", "C0GENERAL", NOW);
    long now = NOW.getEpochSecond();
    assertThat(running.requests.send("application/json", body, now - 301, Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(running.requests.send("application/json", body, now + 301, Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(running.requests.send("application/json", body, now - 299, Map.of()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aTimestampWhoseDistanceFromNowOverflowsIsUnauthorized() {
    String body = envelopes.message("U0WRAP", "C0GENERAL", NOW);
    long wrapsToNow = Long.MIN_VALUE + NOW.getEpochSecond();
    assertThat(running.requests.send("application/json", body, wrapsToNow, Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0WRAP'")).isZero();
  }

  @Test
  void twoTimestampOrTwoSignatureHeadersAreUnauthorized() throws IOException {
    String body = envelopes.message("U0ADA", "C0GENERAL", NOW);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(NOW.getEpochSecond());
    String signature = running.requests.signature(ts, body);
    Map<String, String> json = Map.of("Content-Type", "application/json");
    try (RawHttp twoSignatures = RawHttp.connect(running.bot.port());
        RawHttp twoTimestamps = RawHttp.connect(running.bot.port());
        RawHttp once = RawHttp.connect(running.bot.port())) {
      twoSignatures.send(
          RawHttp.head(
              bytes.length,
              json,
              "X-Slack-Request-Timestamp: " + ts,
              "X-Slack-Signature: " + signature,
              "X-Slack-Signature: " + signature),
          bytes);
      twoTimestamps.send(
          RawHttp.head(
              bytes.length,
              json,
              "X-Slack-Request-Timestamp: " + ts,
              "X-Slack-Request-Timestamp: " + ts,
              "X-Slack-Signature: " + signature),
          bytes);
      once.send(
          RawHttp.head(
              bytes.length,
              json,
              "X-Slack-Request-Timestamp: " + ts,
              "X-Slack-Signature: " + signature),
          bytes);
      assertThat(twoSignatures.status(Duration.ofSeconds(5))).isEqualTo(401);
      assertThat(twoTimestamps.status(Duration.ofSeconds(5))).isEqualTo(401);
      assertThat(once.status(Duration.ofSeconds(5))).isEqualTo(200);
    }
  }

  @Test
  void aCorrectlySignedBodyThatIsNotUtf8IsABadRequestNotAForgery() {
    String[] around = envelopes.message("U0ADA", "C0GENERAL", NOW).split("a secret", 2);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
    // 0xC3 must start a two-byte sequence; 0x28 is "(", so this is not UTF-8.
    body.writeBytes(new byte[] {(byte) 0xC3, 0x28});
    body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> r = running.requests.bytes("application/json", body.toByteArray());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("UTF-8");
  }

  static Stream<String> implausibleTimestamps() {
    return Stream.of(
        "\"1e9\"",
        "\"1.7950000001e9\"",
        "\"" + "9".repeat(5_000) + "\"",
        "\"-1795000000.000100\"",
        "\"0000000000.000000\"",
        "\"1230000000.000000\"",
        "\"" + Envelopes.ts(NOW.plus(Duration.ofDays(2))) + "\"",
        "\"1795000000.0001000\"",
        "\"\"",
        "1795000000.0001",
        "{\"ts\":\"1795000000.000100\"}");
  }

  @ParameterizedTest(name = "ts {0}")
  @MethodSource("implausibleTimestamps")
  void aMessageWhoseTimestampSlackCouldNotHaveSentIsABadRequestAndNeverStored(String ts) {
    HttpResponse<String> asTs =
        running.requests.json(
            envelopes.message(
                envelopes.eventId(), "U0ODD", "C0GENERAL", NOW, "{\"ts\":" + ts + "}"));
    HttpResponse<String> asEventTs =
        running.requests.json(
            envelopes.message(
                envelopes.eventId(), "U0ODD", "C0GENERAL", NOW, "{\"event_ts\":" + ts + "}"));

    assertThat(asTs.statusCode()).isEqualTo(400);
    assertThat(asEventTs.statusCode()).isEqualTo(400);
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0ODD'")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM work_session WHERE user_id = 'U0ODD'")).isZero();
  }

  @Test
  void whatALogLineQuotesFromARefusedRequestIsCut() {
    JsonObject envelope =
        JsonParser.parseString(
                envelopes.message(
                    envelopes.eventId(),
                    "U0ODD",
                    "C0GENERAL",
                    NOW,
                    "{\"ts\":\"" + "7".repeat(20_000) + "\"}"))
            .getAsJsonObject();
    envelope.addProperty("team_id", "T" + "0".repeat(20_000) + "\nWARN forged line");
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = running.requests.json(envelope.toString()).statusCode();
    } finally {
      System.setErr(err);
    }

    assertThat(status).isEqualTo(400);
    assertThat(logged.toString(StandardCharsets.UTF_8).lines())
        .filteredOn(line -> line.contains("implausible"))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .hasSizeLessThan(400)
        .contains("…");
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("\nWARN forged");
  }

  @Test
  void aMessageStampedLessThanADayAheadOfOurClockIsStillSlacks() {
    Instant ahead = NOW.plus(Duration.ofHours(23));
    HttpResponse<String> r =
        running.requests.json(envelopes.message("U0AHEAD", "C0GENERAL", ahead));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0AHEAD'"))
        .isEqualTo(1);
  }

  @Test
  void unsignedRequestsAreUnauthorized() {
    HttpResponse<String> r =
        running.requests.send(
            HttpRequest.newBuilder(running.requests.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"event_callback\"}"))
                .build());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void malformedJsonAndFormsAreBadRequests() {
    long now = NOW.getEpochSecond();
    assertThat(running.requests.send("application/json", "{\"type\": ", now, Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(
            running
                .requests
                .send("application/x-www-form-urlencoded", "payload=%7Bnope", now, Map.of())
                .statusCode())
        .isEqualTo(400);
    assertThat(
            running
                .requests
                .send("application/x-www-form-urlencoded", "a=b", now, Map.of())
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void bodiesOverOneMebibyteAreTooLarge() {
    String padding = "x".repeat(SlackEventsServlet.MAX_BODY_BYTES);
    String body = "{\"type\":\"event_callback\",\"pad\":\"" + padding + "\"}";
    assertThat(
            running
                .requests
                .send("application/json", body, NOW.getEpochSecond(), Map.of())
                .statusCode())
        .isEqualTo(413);
  }

  @Test
  void appRateLimitedIsAcknowledgedAndWarnedOncePerSpell() {
    // The shape of https://api.slack.com/events/app_rate_limited; one per limited minute.
    long minute = NOW.getEpochSecond() / 60 * 60;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream err = System.err;
    List<Integer> statuses = new ArrayList<>();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 3; i++) {
        statuses.add(
            running
                .requests
                .json(
                    "{\"token\":\"legacy-unused\",\"type\":\"app_rate_limited\","
                        + "\"team_id\":\"T0LIMITED\",\"minute_rate_limited\":"
                        + (minute + 60L * i)
                        + ",\"api_app_id\":\"A0SANDBOX\"}")
                .statusCode());
      }
    } finally {
      System.setErr(err);
    }

    assertThat(statuses).containsExactly(200, 200, 200);
    assertThat(logged.toString(StandardCharsets.UTF_8).lines())
        .filteredOn(line -> line.contains("app_rate_limited"))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains("WARN", "T0LIMITED", "minute_rate_limited=" + minute);
  }

  @Test
  void urlVerificationEchoesTheChallenge() {
    HttpResponse<String> r =
        running.requests.json(
            "{\"type\":\"url_verification\",\"challenge\":\"c-123\",\"token\":\"x\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("c-123");
  }

  static Stream<Path> eventSamples() throws IOException {
    return Files.list(SAMPLES.resolve("events")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventSamples")
  void everySampleEnvelopeIsAnsweredWithoutAServerError(Path sample) throws IOException {
    JsonObject envelope = JsonParser.parseString(Files.readString(sample)).getAsJsonObject();
    fillIds(envelope, "");
    envelope.addProperty("type", "event_callback");
    envelope.addProperty("event_id", envelopes.eventId());

    HttpResponse<String> r = running.requests.json(envelope.toString());

    assertThat(r.statusCode()).as(sample + ": " + r.body()).isBetween(200, 499);
    assertStillServing();
  }

  static Stream<Path> backendSamples() throws IOException {
    return Stream.of("interactive-components", "views", "dialogs")
        .flatMap(
            d -> {
              try {
                return Files.list(SAMPLES.resolve("app-backend").resolve(d));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            })
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backendSamples")
  void everyInteractivePayloadIsAnsweredWithoutAServerError(Path sample) throws IOException {
    JsonObject payload = JsonParser.parseString(Files.readString(sample)).getAsJsonObject();
    fillIds(payload, "");
    HttpResponse<String> r = running.requests.form(Map.of("payload", payload.toString()));
    assertThat(r.statusCode()).as(sample + ": " + r.body()).isBetween(200, 499);
    assertStillServing();
  }

  @Test
  void theSampleSlashCommandGetsHelp() throws IOException {
    JsonObject sample =
        JsonParser.parseString(
                Files.readString(
                    SAMPLES.resolve("app-backend/slash-commands/SlashCommandPayload.json")))
            .getAsJsonObject();
    fillIds(sample, "");
    sample.addProperty("command", "/shift");
    StringBuilder form = new StringBuilder();
    for (Map.Entry<String, JsonElement> e : sample.entrySet()) {
      form.append(form.length() == 0 ? "" : "&")
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue().getAsString(), StandardCharsets.UTF_8));
    }
    HttpResponse<String> r =
        running.requests.send(
            "application/x-www-form-urlencoded", form.toString(), NOW.getEpochSecond(), Map.of());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("/shift hours");
  }

  private void assertStillServing() {
    HttpResponse<String> health =
        running.requests.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + running.bot.port() + "/healthz"))
                .GET()
                .build());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  /** Fills the blanked ids of Slack's union-of-fields samples with realistic ones. */
  static void fillIds(JsonObject object, String path) {
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      JsonElement v = e.getValue();
      if (v.isJsonObject()) {
        fillIds(v.getAsJsonObject(), path + "." + e.getKey());
      } else if (v.isJsonArray()) {
        v.getAsJsonArray()
            .forEach(
                item -> {
                  if (item.isJsonObject()) {
                    fillIds(item.getAsJsonObject(), path + "." + e.getKey());
                  }
                });
      } else if (v.isJsonPrimitive() && v.getAsString().isEmpty()) {
        String id = idFor(e.getKey());
        if (id != null) {
          object.addProperty(e.getKey(), id);
        }
      }
    }
  }

  private static String idFor(String key) {
    return switch (key) {
      case "team", "team_id", "user_team", "source_team" -> Envelopes.TEAM;
      case "user", "user_id", "item_user", "inviter", "parent_user_id" -> "U0ADA";
      case "channel", "channel_id" -> "C0GENERAL";
      case "api_app_id", "app_id" -> "A0SANDBOX";
      case "bot_id" -> null;
      case "ts", "event_ts", "thread_ts", "message_ts", "latest_reply", "deleted_ts" ->
          "1795000000.000100";
      case "enterprise_id" -> "E0SANDBOX";
      default ->
          List.of("id", "file_id", "view_id", "trigger_id", "callback_id").contains(key)
              ? "X0" + key.length()
              : null;
    };
  }
}
