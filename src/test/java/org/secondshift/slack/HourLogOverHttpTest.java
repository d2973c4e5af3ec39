package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;

/** A scripted conversation through real HTTP: messages, a retry, a forged request, /shift hours. */
class HourLogOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String ADA = "U0ADA";
  private static final Instant MONDAY_9_BERLIN = Instant.parse("2026-11-23T08:00:00Z");

  HourLogOverHttpTest() {
    super(MONDAY_9_BERLIN, person(ADA, "ada"));
  }

  @Test
  void threeHoursOfMessagesBecomeThreeHoursTenOfWorkOnThatLocalDay() {
    for (int i = 0; i <= 9; i++) {
      Instant at = MONDAY_9_BERLIN.plus(Duration.ofMinutes(20L * i));
      assertThat(running.requests.json(envelopes.message(ADA, "C0GENERAL", at)).statusCode())
          .isEqualTo(200);
    }
    running.clock.set(Instant.parse("2026-11-23T12:30:00Z"));

    JsonObject reply = shift(ADA, "hours");

    assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(reply.get("text").getAsString()).contains("Total *3 h 10 min*");
    assertThat(reply.get("blocks").toString())
        .contains("Mon 23 Nov 3 h 10 min")
        .contains("the week of 23 Nov")
        .contains("Berlin time");
    assertThat(running.count("SELECT COUNT(*) FROM work_session")).isEqualTo(1);
  }

  @Test
  void aRetriedEventIsCountedOnce() {
    String id = envelopes.eventId();
    String body = envelopes.message(id, ADA, "C0GENERAL", MONDAY_9_BERLIN, null);
    assertThat(running.requests.json(body).statusCode()).isEqualTo(200);
    HttpResponse<String> retry =
        running.requests.json(
            body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(running.count("SELECT COUNT(*) FROM activity")).isEqualTo(1);
  }

  @Test
  void aForgedRequestChangesNothing() {
    String body = envelopes.message(ADA, "C0GENERAL", MONDAY_9_BERLIN);
    HttpResponse<String> forged =
        running.requests.json(body, Map.of("X-Slack-Signature", "v0=" + "ab".repeat(32)));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(running.count("SELECT COUNT(*) FROM activity")).isZero();
  }

  @Test
  void threadRepliesMentionsAndReactionsAreActivityToo() {
    Instant at = MONDAY_9_BERLIN;
    running.requests.json(
        envelopes.message(
            envelopes.eventId(), ADA, "C0GENERAL", at, "{\"thread_ts\":\"1700000000.000100\"}"));
    JsonObject mention = new JsonObject();
    mention.addProperty("type", "app_mention");
    mention.addProperty("user", ADA);
    mention.addProperty("channel", "C0GENERAL");
    mention.addProperty("text", "<@U0BOT> are you there");
    mention.addProperty("ts", Envelopes.ts(at.plusSeconds(60)));
    running.requests.json(envelopes.envelope(envelopes.eventId(), mention, at));
    JsonObject reaction =
        JsonParser.parseString(
                "{\"type\":\"reaction_added\",\"user\":\""
                    + ADA
                    + "\",\"reaction\":\"eyes\",\"item\":{\"type\":\"message\",\"channel\":\"C0GENERAL\",\"ts\":\"1.2\"},"
                    + "\"event_ts\":\""
                    + Envelopes.ts(at.plusSeconds(120))
                    + "\"}")
            .getAsJsonObject();
    running.requests.json(envelopes.envelope(envelopes.eventId(), reaction, at));

    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE kind = 2")).isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE kind = 3")).isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE kind = 4")).isEqualTo(1);
  }

  @Test
  void botsEditsDeletionsJoinsAndDirectMessagesAreNotActivity() {
    Instant at = MONDAY_9_BERLIN;
    String[] notWork = {
      "{\"bot_id\":\"B0OTHER\"}",
      "{\"subtype\":\"bot_message\",\"bot_id\":\"B0OTHER\"}",
      "{\"subtype\":\"message_changed\"}",
      "{\"subtype\":\"message_deleted\"}",
      "{\"subtype\":\"channel_join\"}",
      "{\"subtype\":\"channel_topic\"}",
      "{\"channel_type\":\"im\"}"
    };
    for (String extra : notWork) {
      HttpResponse<String> r =
          running.requests.json(
              envelopes.message(envelopes.eventId(), ADA, "C0GENERAL", at, extra));
      assertThat(r.statusCode()).as(extra).isEqualTo(200);
    }
    assertThat(
            running
                .requests
                .json(envelopes.message(envelopes.eventId(), "U0BOT", "C0GENERAL", at, null))
                .statusCode())
        .isEqualTo(200);
    assertThat(running.count("SELECT COUNT(*) FROM activity")).isZero();
  }

  @Test
  void messageTextNeverReachesTheDatabaseFile() throws Exception {
    for (int i = 0; i < 5; i++) {
      running.requests.json(
          envelopes.message(ADA, "C0GENERAL", MONDAY_9_BERLIN.plusSeconds(60L * i)));
    }
    running.close();
    for (String suffix : new String[] {"", "-wal"}) {
      Path file = Path.of(running.database + suffix);
      if (Files.exists(file)) {
        assertThat(
                new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain("a secret the bot must never keep");
      }
    }
    running = RunningBot.http(dir.resolve("again"), MONDAY_9_BERLIN);
  }

  @Test
  void userChangeMovesTheirDaysToTheNewZone() {
    running.requests.json(
        envelopes.message(ADA, "C0GENERAL", Instant.parse("2026-11-23T23:30:00Z")));
    JsonObject change =
        JsonParser.parseString(
                "{\"type\":\"user_change\",\"user\":{\"id\":\""
                    + ADA
                    + "\",\"tz\":\"Asia/Kolkata\"}}")
            .getAsJsonObject();
    running.requests.json(envelopes.envelope(envelopes.eventId(), change, MONDAY_9_BERLIN));
    running.clock.set(Instant.parse("2026-11-24T06:00:00Z"));

    JsonObject reply = shift(ADA, "hours");

    // 23:30 UTC is 05:00 on Tuesday in Kolkata, not Monday night as in Berlin.
    assertThat(reply.get("blocks").toString())
        .contains("Kolkata time")
        .contains("Tue 24 Nov 10 min");
  }

  @Test
  void aProfileEditThatKeepsTheZoneWritesNothing() {
    userChange("Asia/Kolkata");
    long firstSeen = running.count("SELECT zone_seen_at FROM person WHERE user_id = 'U0ADA'");
    assertThat(firstSeen).isEqualTo(MONDAY_9_BERLIN.toEpochMilli());

    running.clock.advance(Duration.ofHours(2));
    userChange("Asia/Kolkata");
    assertThat(running.count("SELECT zone_seen_at FROM person WHERE user_id = 'U0ADA'"))
        .isEqualTo(firstSeen);

    userChange("America/Chicago");
    assertThat(running.count("SELECT zone_seen_at FROM person WHERE user_id = 'U0ADA'"))
        .isEqualTo(MONDAY_9_BERLIN.plus(Duration.ofHours(2)).toEpochMilli());
  }

  private void userChange(String tz) {
    JsonObject change =
        JsonParser.parseString(
                "{\"type\":\"user_change\",\"user\":{\"id\":\""
                    + ADA
                    + "\",\"tz\":\""
                    + tz
                    + "\"}}")
            .getAsJsonObject();
    HttpResponse<String> r =
        running.requests.json(
            envelopes.envelope(envelopes.eventId(), change, running.clock.instant()));
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedZoneLookUpIsNotAskedAgainForFiveMinutes() {
    running.slack.failNext("users.info", 100, "internal_error");
    for (int i = 0; i < 6; i++) {
      Instant at = MONDAY_9_BERLIN.plus(Duration.ofSeconds(40L * i));
      running.clock.set(at);
      assertThat(running.requests.json(envelopes.message(ADA, "C0GENERAL", at)).statusCode())
          .isEqualTo(200);
      JsonObject reply = shift(ADA, "hours");
      // Meanwhile the day is counted in the default zone.
      assertThat(reply.get("blocks").toString()).contains("the week of 23 Nov* · UTC\"");
    }
    assertThat(running.bot.parts().nudges().awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(running.slack.calls("users.info")).hasSize(1);

    running.clock.set(MONDAY_9_BERLIN.plus(Duration.ofMinutes(5)).plusSeconds(1));
    shift(ADA, "hours");
    assertThat(running.slack.calls("users.info")).hasSize(2);
  }

  @Test
  void healthCheckAnswers() throws Exception {
    java.net.http.HttpResponse<String> r =
        running.requests.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + running.bot.port() + "/healthz"))
                .GET()
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("ok");
  }
}
