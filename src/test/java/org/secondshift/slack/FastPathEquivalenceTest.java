package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;

/**
 * The message fast path answers exactly as Bolt's dispatch does: every sample envelope, and message
 * events in every variation that decides something, sent over HTTP to a bot with the fast path and
 * to one without, get the same status, content type and body, and leave the same activity and
 * sessions behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FastPathEquivalenceTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Path SAMPLES = Path.of("src/test/resources/slack-samples/events");
  private static final String BOT_USER = "U0BOT";

  private RunningBot fast;
  private RunningBot bolt;
  private final Envelopes envelopes = new Envelopes();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    fast = RunningBot.http(dir.resolve("fast"), NOW);
    bolt =
        RunningBot.http(dir.resolve("bolt"), NOW)
            .restartWith(s -> s.withOperations(s.operations().withFastPath(false)));
    for (RunningBot bot : List.of(fast, bolt)) {
      bot.slack.addUser("U0ADA", "ada", "Europe/Berlin");
      bot.slack.addUser("U0BEA", "bea", "America/Los_Angeles");
      // Bolt's authorization has confirmed the token once, as after any first request.
      assertThat(
              bot.requests
                  .json(message("Ev0warm", m -> m.addProperty("subtype", "channel_join")))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @AfterAll
  void stop() throws Exception {
    fast.close();
    bolt.close();
  }

  Stream<Arguments> samples() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(SAMPLES)) {
      for (Path file : files.sorted().toList()) {
        JsonObject envelope = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        BadInputTest.fillIds(envelope, "");
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", "EvS" + cases.size());
        cases.add(Arguments.of(file.getFileName().toString(), envelope.toString()));
      }
    }
    return cases.stream();
  }

  Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("a channel message", message("EvM1", m -> {})),
        Arguments.of(
            "a private channel message",
            message("EvM2", m -> m.addProperty("channel_type", "group"))),
        Arguments.of(
            "a thread reply",
            message("EvM3", m -> m.addProperty("thread_ts", "1795000000.000100"))),
        Arguments.of(
            "a thread broadcast",
            message("EvM4", m -> m.addProperty("subtype", "thread_broadcast"))),
        Arguments.of("an edit", message("EvM5", m -> m.addProperty("subtype", "message_changed"))),
        Arguments.of(
            "a null subtype",
            message("EvM6", m -> m.add("subtype", com.google.gson.JsonNull.INSTANCE))),
        Arguments.of("a direct message", message("EvM7", m -> m.addProperty("channel_type", "im"))),
        Arguments.of("a group DM", message("EvM8", m -> m.addProperty("channel_type", "mpim"))),
        Arguments.of("no channel type", message("EvM9", m -> m.remove("channel_type"))),
        Arguments.of("an app's post", message("EvM10", m -> m.addProperty("bot_id", "B0OTHER"))),
        Arguments.of("a blank bot id", message("EvM11", m -> m.addProperty("bot_id", ""))),
        Arguments.of("Slackbot", message("EvM12", m -> m.addProperty("user", "USLACKBOT"))),
        Arguments.of("the bot itself", message("EvM13", m -> m.addProperty("user", BOT_USER))),
        Arguments.of("a blank user", message("EvM14", m -> m.addProperty("user", " "))),
        Arguments.of("a user object", message("EvM15", m -> m.add("user", new JsonObject()))),
        Arguments.of("a numeric ts", message("EvM16", m -> m.addProperty("ts", 1795000000))),
        Arguments.of(
            "a ts far ahead", message("EvM17", m -> m.addProperty("ts", "2795000000.000100"))),
        Arguments.of(
            "an event_ts far ahead",
            message("EvM18", m -> m.addProperty("event_ts", "2795000000.000100"))),
        Arguments.of(
            "a ts from 1970", message("EvM19", m -> m.addProperty("ts", "0000000100.000100"))),
        Arguments.of("no channel", message("EvM20", m -> m.remove("channel"))),
        Arguments.of(
            "an assistant thread",
            message("EvM21", m -> m.add("assistant_thread", new JsonObject()))),
        Arguments.of(
            "another org, shared channel",
            envelope(
                "EvM22",
                m -> m.addProperty("user_team", "T0OTHER"),
                e -> e.addProperty("is_ext_shared_channel", true))),
        Arguments.of(
            "a sibling workspace",
            envelope(
                "EvM23",
                m -> m.addProperty("user_team", "T0OTHER"),
                e -> e.addProperty("is_ext_shared_channel", false))),
        Arguments.of(
            "the author's team as team",
            envelope("EvM24", m -> m.addProperty("team", "T0OTHER"), e -> {})),
        Arguments.of(
            "authorizations for us",
            envelope(
                "EvM25",
                m -> m.addProperty("user_team", Envelopes.TEAM),
                e -> e.add("authorizations", authorizations(Envelopes.TEAM)))),
        Arguments.of(
            "authorizations for another",
            envelope(
                "EvM26",
                m -> m.addProperty("user_team", Envelopes.TEAM),
                e -> e.add("authorizations", authorizations("T0OTHER")))),
        Arguments.of(
            "empty authorizations",
            envelope("EvM27", m -> {}, e -> e.add("authorizations", new JsonArray()))),
        Arguments.of("no event id", envelope("EvM28", m -> {}, e -> e.remove("event_id"))),
        Arguments.of(
            "a numeric team", envelope("EvM29", m -> {}, e -> e.addProperty("team_id", 7))),
        Arguments.of(
            "another envelope type",
            envelope("EvM30", m -> {}, e -> e.addProperty("type", "block_actions"))),
        Arguments.of(
            "the user named twice",
            message("EvM31", m -> {})
                .replace("\"user\":\"U0ADA\"", "\"user\":\"U0ADA\",\"user\":\"U0BEA\"")),
        Arguments.of(
            "lenient JSON",
            message("EvM32", m -> {})
                .replace("\"type\":\"event_callback\"", "type:'event_callback'")),
        Arguments.of("trailing garbage", message("EvM33", m -> {}) + "]"),
        Arguments.of("a retry of a recorded message", message("EvM1", m -> {})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleEnvelopeGetsTheSameAnswerOnBothPaths(String name, String body) {
    assertSameOnBoth(name, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void everyVariationOfAMessageGetsTheSameAnswerOnBothPaths(String name, String body) {
    assertSameOnBoth(name, body);
  }

  @Test
  void theFastPathRecordsAPlainChannelMessage() {
    String body = message("EvFast1", m -> m.addProperty("user", "U0BEA"));
    assertSameOnBoth("a message from bea", body);
    assertThat(fast.count("SELECT COUNT(*) FROM activity WHERE event_id = 'EvFast1'")).isEqualTo(1);
    assertThat(fast.count("SELECT COUNT(*) FROM work_session WHERE user_id = 'U0BEA'"))
        .isEqualTo(1);
  }

  private void assertSameOnBoth(String name, String body) {
    HttpResponse<String> a = fast.requests.json(body);
    HttpResponse<String> b = bolt.requests.json(body);
    assertThat(a.statusCode()).as(name + " status").isEqualTo(b.statusCode());
    assertThat(a.body()).as(name + " body").isEqualTo(b.body());
    assertThat(a.headers().firstValue("Content-Type"))
        .as(name + " content type")
        .isEqualTo(b.headers().firstValue("Content-Type"));
    String activity =
        "SELECT team_id, user_id, occurred_at, event_id, channel_id, kind FROM activity"
            + " ORDER BY team_id, user_id, occurred_at, event_id";
    assertThat(fast.rows(activity)).as(name + " activity").isEqualTo(bolt.rows(activity));
    String sessions =
        "SELECT team_id, user_id, started_at, last_at, source FROM work_session"
            + " ORDER BY team_id, user_id, started_at";
    assertThat(fast.rows(sessions)).as(name + " sessions").isEqualTo(bolt.rows(sessions));
  }

  private String message(String eventId, Consumer<JsonObject> event) {
    return envelope(eventId, event, e -> {});
  }

  private String envelope(String eventId, Consumer<JsonObject> event, Consumer<JsonObject> outer) {
    JsonObject e =
        JsonParser.parseString(
                envelopes.message(eventId, "U0ADA", "C0GENERAL", NOW.minusSeconds(600), null))
            .getAsJsonObject();
    event.accept(e.getAsJsonObject("event"));
    outer.accept(e);
    return e.toString();
  }

  private static JsonArray authorizations(String team) {
    JsonObject a = new JsonObject();
    a.addProperty("team_id", team);
    a.addProperty("user_id", BOT_USER);
    a.addProperty("is_bot", true);
    JsonArray all = new JsonArray();
    all.add(a);
    return all;
  }
}
