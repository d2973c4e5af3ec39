package org.secondshift.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secondshift.testing.RunningSandbox.json;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.slack.home.HomeView;
import org.secondshift.slack.home.SettingsModal;
import org.secondshift.testing.RunningSandbox;

/** The workspace page's JSON API over real HTTP, against the real bot on the seeded sandbox. */
class WorkspaceApiTest {
  @TempDir static Path dir;
  private static RunningSandbox running;

  @BeforeAll
  static void start() throws Exception {
    running = RunningSandbox.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    running.close();
  }

  @Test
  void theWorkspaceListsTheSeededPeopleAndChannelsWithTheirLocalTimes() {
    JsonObject ws = json(running.get("sandbox/api/workspace"));

    assertThat(ws.get("name").getAsString()).isEqualTo("Lumen Labs (sandbox)");
    assertThat(ws.getAsJsonArray("people")).hasSize(8);
    assertThat(ws.getAsJsonArray("channels").toString())
        .contains("training-runs", "evals", "general");
    // 14:00 UTC on the seeded Tuesday is 15:00 in Berlin.
    assertThat(ws.getAsJsonArray("people").toString())
        .contains("\"tz\":\"Europe/Berlin\",\"localTime\":\"15:00\"");
  }

  @Test
  void aPostedMessageIsShownAndRecordedAsActivityWithoutItsText() {
    long before = running.count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0JAMIE'");

    JsonObject answer =
        json(
            running.post(
                "sandbox/api/message",
                "{\"user\":\"U0JAMIE\",\"channel\":\"C0GENERAL\",\"text\":\"Ship it *today*\"}"));

    assertThat(answer.get("status").getAsInt()).isEqualTo(200);
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0JAMIE'"))
        .isEqualTo(before + 1);
    String conversation =
        running.get("sandbox/api/conversation?id=C0GENERAL&viewer=U0JAMIE").body();
    assertThat(conversation).contains("Ship it *today*").contains("\"user\":\"U0JAMIE\"");
  }

  @Test
  void shiftHoursIsASignedSlashCommandWhoseReplyOnlyTheCallerSees() {
    JsonObject answer =
        json(
            running.post(
                "sandbox/api/command",
                "{\"user\":\"U0MAYA\",\"channel\":\"C0TRAIN\",\"text\":\"/shift hours\"}"));

    assertThat(answer.get("status").getAsInt()).isEqualTo(200);
    assertThat(answer.get("body").getAsString())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("Total");
    assertThat(running.get("sandbox/api/conversation?id=C0TRAIN&viewer=U0MAYA").body())
        .contains("\"ephemeral\":true")
        .contains("Berlin time");
    assertThat(running.get("sandbox/api/conversation?id=C0TRAIN&viewer=U0RAVI").body())
        .doesNotContain("\"ephemeral\":true");
  }

  @Test
  void aBadSubcommandGetsTheUsageBackAsAnEphemeralReply() {
    JsonObject answer =
        json(
            running.post(
                "sandbox/api/command",
                "{\"user\":\"U0LENA\",\"channel\":\"C0GENERAL\",\"text\":\"/shift hoursz\"}"));

    assertThat(answer.get("body").getAsString()).contains("/shift hours");
  }

  @Test
  void aCommandNoAppProvidesIsAnsweredBySlackItselfAndNeverReachesTheBot() {
    int calls = running.sandbox.slack().calls().size();
    running.post(
        "sandbox/api/command",
        "{\"user\":\"U0LENA\",\"channel\":\"C0GENERAL\",\"text\":\"/shfit hours\"}");

    JsonObject reply =
        json(running.get("sandbox/api/conversation?id=C0GENERAL&viewer=U0LENA"))
            .getAsJsonArray("messages")
            .asList()
            .stream()
            .map(m -> m.getAsJsonObject())
            .filter(m -> m.get("ephemeral").getAsBoolean())
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(reply.get("user").getAsString()).isEqualTo("USLACKBOT");
    assertThat(reply.get("text").getAsString()).startsWith("`/shfit` is not a valid command.");
    // The bot never heard of it: nothing it does reaches the Web API.
    assertThat(running.sandbox.slack().calls()).hasSize(calls);
  }

  @Test
  void theGuideNamesItsStoriesAndTheSeededHandoffToCountDownTo() {
    JsonObject ws = json(running.get("sandbox/api/workspace"));
    assertThat(ws.getAsJsonArray("guide").get(0).getAsJsonObject().get("open").getAsString())
        .isEqualTo("DU0MAYA");
    assertThat(ws.getAsJsonArray("guide")).hasSize(5);
    JsonObject watch = ws.getAsJsonArray("watches").get(0).getAsJsonObject();
    assertThat(watch.get("channel").getAsString()).isEqualTo("C0TRAIN");
    assertThat(watch.get("captain").getAsString()).isEqualTo("U0LENA");
    assertThat(watch.get("next").getAsString()).isEqualTo("U0RAVI");
    long inMinutes = (watch.get("handoffAt").getAsLong() - ws.get("now").getAsLong()) / 60_000;
    assertThat(inMinutes).isBetween(3L, 5L);
  }

  @Test
  void inAChannelWithoutTheBotSetupAsksForAnInviteAndThePagesInviteAddsTheBot() {
    assertThat(channel("C0RANDOM").get("botMember").getAsBoolean()).isFalse();
    assertThat(channel("C0TRAIN").get("botMember").getAsBoolean()).isTrue();
    JsonObject unheard =
        json(
            running.post(
                "sandbox/api/message",
                "{\"user\":\"U0TOM\",\"channel\":\"C0RANDOM\",\"text\":\"lunch?\"}"));
    assertThat(unheard.get("delivered").getAsBoolean()).isFalse();
    String setup = "/shift captain setup <@U0TOM> <@U0LENA> daily at 09:00";

    assertThat(command("C0RANDOM", setup)).contains("Invite me first: `/invite @Second Shift`");
    command("C0RANDOM", "/invite @Second Shift");

    assertThat(channel("C0RANDOM").get("botMember").getAsBoolean()).isTrue();
    assertThat(running.get("sandbox/api/conversation?id=C0RANDOM").body())
        .contains("joined the channel, added by Tom Becker");
    assertThat(command("C0RANDOM", setup)).contains("set up");
  }

  private String command(String channel, String text) {
    return json(running.post(
            "sandbox/api/command",
            "{\"user\":\"U0TOM\",\"channel\":\""
                + channel
                + "\",\"text\":\""
                + text.replace("\"", "\\\"")
                + "\"}"))
        .get("body")
        .getAsString();
  }

  private JsonObject channel(String id) {
    for (var c : json(running.get("sandbox/api/workspace")).getAsJsonArray("channels")) {
      if (c.getAsJsonObject().get("id").getAsString().equals(id)) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no channel " + id);
  }

  @Test
  void keepOnTheReplaceQuestionReplacesTheEphemeralSoItsButtonsAreGone() {
    running.post(
        "sandbox/api/command",
        "{\"user\":\"U0TOM\",\"channel\":\"C0TRAIN\","
            + "\"text\":\"/shift captain setup <@U0TOM> <@U0RAVI> daily at 09:00\"}");
    JsonObject question =
        ephemerals("C0TRAIN", "U0TOM").stream()
            .filter(m -> m.toString().contains("captain_keep"))
            .findFirst()
            .orElseThrow();
    int before = running.sandbox.slack().responses().size();

    JsonObject answer =
        json(
            running.post(
                "sandbox/api/action",
                "{\"user\":\"U0TOM\",\"channel\":\"C0TRAIN\",\"ts\":\""
                    + question.get("ts").getAsString()
                    + "\",\"blockId\":\"b\",\"element\":{\"type\":\"button\","
                    + "\"action_id\":\"captain_keep\",\"value\":\"k\"}}"));

    assertThat(answer.get("status").getAsInt()).isEqualTo(200);
    running.sandbox.slack().awaitResponses(before + 1, java.time.Duration.ofSeconds(10));
    assertThat(ephemerals("C0TRAIN", "U0TOM").toString())
        .contains("Kept the current captain rotation")
        .doesNotContain("captain_keep")
        .doesNotContain("captain_replace");
  }

  private static java.util.List<JsonObject> ephemerals(String channel, String viewer) {
    JsonObject conversation =
        json(running.get("sandbox/api/conversation?id=" + channel + "&viewer=" + viewer));
    java.util.List<JsonObject> out = new java.util.ArrayList<>();
    conversation
        .getAsJsonArray("messages")
        .forEach(
            m -> {
              if (m.getAsJsonObject().get("ephemeral").getAsBoolean()) {
                out.add(m.getAsJsonObject());
              }
            });
    return out;
  }

  @Test
  void openingHomeSendsASignedEventThatTheBotAccepts() {
    JsonObject answer = json(running.post("sandbox/api/home", "{\"user\":\"U0RAVI\"}"));

    assertThat(answer.get("status").getAsInt()).isEqualTo(200);
    assertThat(json(running.get("sandbox/api/home?user=U0RAVI")).has("view")).isTrue();
  }

  @Test
  void clickingSettingsInHomeOpensTheSettingsModalForTheClicker() {
    SlackStandIn slack = running.sandbox.slack();
    int published = slack.calls("views.publish").size();
    json(running.post("sandbox/api/home", "{\"user\":\"U0LENA\"}"));
    slack.awaitCalls("views.publish", published + 1, Duration.ofSeconds(10));
    String homeId =
        json(running.get("sandbox/api/home?user=U0LENA"))
            .getAsJsonObject("view")
            .get("id")
            .getAsString();
    int before = slack.calls("views.open").size();

    JsonObject button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", HomeView.OPEN_SETTINGS);
    button.addProperty("value", "open");
    JsonObject click = new JsonObject();
    click.addProperty("user", "U0LENA");
    click.addProperty("viewId", homeId);
    click.addProperty("blockId", "b");
    click.add("element", button);
    JsonObject answer = json(running.post("sandbox/api/action", click.toString()));

    assertThat(answer.get("status").getAsInt()).isEqualTo(200);
    // The click's trigger was minted by the stand-in as the sandbox sent it, so Slack's rule lets
    // the modal open.
    RecordedCall open =
        slack.awaitCalls("views.open", before + 1, Duration.ofSeconds(10)).get(before);
    assertThat(open.answeredError()).isEmpty();
    assertThat(running.get("sandbox/api/modal?user=U0LENA").body())
        .contains(SettingsModal.CALLBACK_ID);
  }

  @Test
  void aModalTheBotOpensIsShownToTheClickerAndSubmittingSendsItsState() {
    String trigger = running.sandbox.slack().mintTrigger("U0AMARA");
    JsonObject opened =
        running.slackApi(
            "views.open",
            "{\"trigger_id\":\""
                + trigger
                + "\",\"view\":"
                + "{\"type\":\"modal\",\"callback_id\":\"settings\",\"title\":{\"type\":\"plain_text\",\"text\":\"Settings\"},"
                + "\"submit\":{\"type\":\"plain_text\",\"text\":\"Save\"},\"blocks\":[{\"type\":\"input\",\"block_id\":\"limit\","
                + "\"label\":{\"type\":\"plain_text\",\"text\":\"Daily limit\"},"
                + "\"element\":{\"type\":\"plain_text_input\",\"action_id\":\"value\"}}]}}");
    String viewId = opened.getAsJsonObject("view").get("id").getAsString();

    assertThat(running.get("sandbox/api/modal?user=U0AMARA").body())
        .contains(viewId)
        .contains("Daily limit");
    assertThat(running.get("sandbox/api/modal?user=U0JAMIE").body()).isEqualTo("{\"view\":null}");

    JsonObject answer =
        json(
            running.post(
                "sandbox/api/submit",
                "{\"user\":\"U0AMARA\",\"viewId\":\""
                    + viewId
                    + "\",\"values\":{\"limit\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"9h\"}}}}"));
    // No feature listens to this view yet: the bot checked the signature and found no handler.
    assertThat(answer.get("status").getAsInt()).isEqualTo(404);

    json(running.post("sandbox/api/close", "{\"user\":\"U0AMARA\",\"viewId\":\"" + viewId + "\"}"));
    assertThat(running.get("sandbox/api/modal?user=U0AMARA").body()).isEqualTo("{\"view\":null}");
  }

  @Test
  void aClickOnABotMessageReachesTheBotSigned() {
    JsonObject posted =
        running.slackApi(
            "chat.postMessage",
            "{\"channel\":\"U0SOFIA\",\"text\":\"hi\","
                + "\"blocks\":[{\"type\":\"actions\",\"block_id\":\"b1\",\"elements\":[{\"type\":\"button\","
                + "\"action_id\":\"sandbox_probe\",\"text\":{\"type\":\"plain_text\",\"text\":\"Probe\"},\"value\":\"1\"}]}]}");
    String ts = posted.get("ts").getAsString();

    JsonObject answer =
        json(
            running.post(
                "sandbox/api/action",
                "{\"user\":\"U0SOFIA\",\"channel\":\"DU0SOFIA\","
                    + "\"ts\":\""
                    + ts
                    + "\",\"blockId\":\"b1\",\"element\":{\"type\":\"button\",\"action_id\":\"sandbox_probe\","
                    + "\"text\":{\"type\":\"plain_text\",\"text\":\"Probe\"},\"value\":\"1\"}}"));

    // Not 401: the signature held; 404 because no listener claims this action id.
    assertThat(answer.get("status").getAsInt()).isEqualTo(404);
  }

  @Test
  void unknownPeopleAndMissingFieldsAreRefusedWithAReason() {
    HttpResponse<String> nobody =
        running.post(
            "sandbox/api/message",
            "{\"user\":\"U0NOBODY\",\"channel\":\"C0GENERAL\",\"text\":\"hi\"}");
    HttpResponse<String> noText =
        running.post("sandbox/api/message", "{\"user\":\"U0MAYA\",\"channel\":\"C0GENERAL\"}");

    assertThat(nobody.statusCode()).isEqualTo(400);
    assertThat(nobody.body()).contains("no teammate U0NOBODY");
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(noText.body()).contains("text is required");
  }

  @Test
  void thePageAndItsScriptsAreServedOnTheBotsPort() {
    assertThat(running.get("").body()).contains("<title>Second Shift sandbox</title>");
    assertThat(running.get("app.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(running.get("healthz").statusCode()).isEqualTo(200);
    assertThat(running.get("secrets.txt").statusCode()).isEqualTo(404);
  }
}
