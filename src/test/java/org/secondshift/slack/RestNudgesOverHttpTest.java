package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.Bot;
import org.secondshift.config.Mode;
import org.secondshift.sandbox.PostedMessage;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;

/** Rest nudges end to end: signed events and clicks over HTTP in, DMs out through the stand-in. */
class RestNudgesOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String ADA = "U0ADA";
  private static final String DM = "DU0ADA";
  private static final Instant MONDAY_9_BERLIN = Instant.parse("2026-11-23T08:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  RestNudgesOverHttpTest() {
    super(MONDAY_9_BERLIN, person(ADA, "ada"));
  }

  @Test
  void threeHoursTenOfActivityBringOneDirectMessageWithFourButtons() {
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));

    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    PostedMessage dm = single(running.slack.messages(DM));
    assertThat(dm.text()).contains("without a break").doesNotContain("secret");
    assertThat(actionIds(dm))
        .containsExactly("nudge_break", "nudge_snooze", "nudge_done", "nudge_off");
    assertThat(buttonTexts(dm))
        .containsExactly("Taking a break", "Snooze 1 h", "Done for today", "Turn these off");
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE kind = 'long_stretch'"))
        .isEqualTo(1);
  }

  @Test
  void aBurstsLastMessageIsCheckedWhenItsSecondIsOver() {
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(170));
    Instant threeHours = MONDAY_9_BERLIN.plus(Duration.ofHours(3));
    postAt(threeHours.minusMillis(500));
    assertThat(running.count("SELECT COUNT(*) FROM nudge")).isZero();
    // 0.9 s after that check: too soon to be checked on arrival, although three hours have now
    // passed; the check at the end of that second finds it, with no further message and long
    // before the periodic check.
    postAt(threeHours.plusMillis(400));
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE kind = 'long_stretch'"))
        .isEqualTo(1);
    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
  }

  @Test
  void aBurstIsCheckedOnItsFirstMessageAndOnceMoreAfterItsLast() {
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(170));
    Instant threeHours = MONDAY_9_BERLIN.plus(Duration.ofHours(3));
    running.clock.set(threeHours.minusMillis(500));
    for (int i = 0; i < 5; i++) {
      running.requests.json(envelopes.message(ADA, "C0GENERAL", running.clock.instant()));
    }
    assertThat(running.bot.parts().nudges().awaitIdle(WAIT)).isTrue();
    assertThat(running.count("SELECT COUNT(*) FROM nudge")).isZero();
    // A second later the next message is checked at once again.
    postAt(threeHours.plusMillis(600));
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE kind = 'long_stretch'"))
        .isEqualTo(1);
  }

  private void postAt(Instant at) {
    running.clock.set(at);
    assertThat(running.requests.json(envelopes.message(ADA, "C0GENERAL", at)).statusCode())
        .isEqualTo(200);
    assertThat(running.bot.parts().nudges().awaitIdle(WAIT)).isTrue();
  }

  @Test
  void aSecondBurstTenMinutesLaterBringsNone() {
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));
    running.slack.awaitCalls("chat.postMessage", 1, WAIT);

    workEveryTenMinutes(MONDAY_9_BERLIN.plus(Duration.ofMinutes(200)), Duration.ofMinutes(20));
    running.bot.parts().outbox().wake();

    assertThat(running.count("SELECT COUNT(*) FROM nudge")).isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE kind = 'nudge'")).isEqualTo(1);
    assertThat(running.slack.messages(DM)).hasSize(1);
  }

  @Test
  void aClickOnTakingABreakIsKeptAndUpdatesTheMessageInPlace() {
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));
    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    PostedMessage dm = single(running.slack.messages(DM));
    running.clock.advance(Duration.ofSeconds(5));

    HttpResponse<String> click =
        running.requests.form(Map.of("payload", blockActions(dm, "nudge_break")));

    assertThat(click.statusCode()).isEqualTo(200);
    running.slack.awaitCalls("chat.update", 1, WAIT);
    PostedMessage updated = single(running.slack.messages(DM));
    assertThat(updated.ts()).isEqualTo(dm.ts());
    assertThat(updated.text()).contains("Taking a break").isNotEqualTo(dm.text());
    assertThat(actionIds(updated)).isEmpty();
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM nudge WHERE answer = 'break' AND answered_at IS NOT NULL"))
        .isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM rest_prefs WHERE break_at IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void aSecondClickChangesNothing() {
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));
    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    PostedMessage dm = single(running.slack.messages(DM));
    running.clock.advance(Duration.ofSeconds(5));
    running.requests.form(Map.of("payload", blockActions(dm, "nudge_off")));
    running.slack.awaitCalls("chat.update", 1, WAIT);

    assertThat(
            running.requests.form(Map.of("payload", blockActions(dm, "nudge_snooze"))).statusCode())
        .isEqualTo(200);

    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE method = 'chat.update'"))
        .isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE answer = 'off'")).isEqualTo(1);
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM rest_prefs WHERE enabled = 0 AND snoozed_until IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void aRateLimitOnTheFirstPostStillDeliversExactlyOneMessage() {
    running.slack.rateLimitNext("chat.postMessage", 1, 1);
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));
    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    awaitRow("SELECT COUNT(*) FROM outbox WHERE last_error = 'ratelimited'");
    assertThat(running.slack.messages(DM)).isEmpty();

    running.clock.advance(Duration.ofSeconds(1));
    running.bot.parts().outbox().wake();

    running.slack.awaitCalls("chat.postMessage", 2, WAIT);
    assertThat(running.slack.messages(DM)).hasSize(1);
    assertThat(running.count("SELECT COUNT(*) FROM outbox")).isEqualTo(1);
  }

  @Test
  void aNudgeStillPendingAtARestartIsDeliveredAfterIt() throws Exception {
    running.slack.rateLimitNext("chat.postMessage", 1, 60);
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));
    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    awaitRow("SELECT COUNT(*) FROM outbox WHERE last_error = 'ratelimited'");
    running.bot.close();
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isEqualTo(1);

    running.clock.advance(Duration.ofSeconds(60));
    try (Bot again =
        Bot.start(RunningBot.settings(Mode.HTTP, running.slack, running.location), running.clock)) {
      running.slack.awaitCalls("chat.postMessage", 2, WAIT);
    }
    assertThat(running.slack.messages(DM)).hasSize(1);
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isZero();
  }

  @Test
  void doNotDisturbDropsTheNudgeInsteadOfQueueingIt() {
    running.slack.setDnd(ADA, true);
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));

    assertThat(running.slack.calls("dnd.info")).isNotEmpty();
    assertThat(running.count("SELECT COUNT(*) FROM nudge")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM outbox")).isZero();
  }

  @Test
  void whenSlackCannotSayWhetherDndIsOnTheNudgeWaitsForTheNextCheck() {
    running.slack.failNext("dnd.info", 1000, "internal_error");
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));
    heldUntilDndIsKnown();
  }

  @Test
  void whenDndInfoIsRateLimitedTheNudgeWaitsForTheNextCheck() {
    running.slack.rateLimitNext("dnd.info", 1000, 30);
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(190));
    heldUntilDndIsKnown();
  }

  /** Nothing was sent while dnd.info failed; once it answers, the next check nudges once. */
  private void heldUntilDndIsKnown() {
    assertThat(running.slack.calls("dnd.info")).isNotEmpty();
    assertThat(running.count("SELECT COUNT(*) FROM nudge")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM outbox")).isZero();
    assertThat(running.bot.parts().nudges().checkAll(running.clock.instant())).isZero();

    running.slack.clearFaults("dnd.info");
    running.clock.advance(Duration.ofMinutes(5));
    assertThat(running.bot.parts().nudges().checkAll(running.clock.instant())).isEqualTo(1);
    assertThat(running.bot.parts().nudges().checkAll(running.clock.instant())).isZero();

    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    assertThat(single(running.slack.messages(DM)).text()).contains("without a break");
    assertThat(running.count("SELECT COUNT(*) FROM nudge")).isEqualTo(1);
  }

  @Test
  void thePeriodicCheckNudgesWhenTimeAloneMakesItDue() {
    workEveryTenMinutes(MONDAY_9_BERLIN, Duration.ofMinutes(170));
    assertThat(running.count("SELECT COUNT(*) FROM nudge")).isZero();

    running.clock.set(MONDAY_9_BERLIN.plus(Duration.ofMinutes(181)));
    assertThat(running.bot.parts().nudges().checkAll(running.clock.instant())).isEqualTo(1);
    assertThat(running.bot.parts().nudges().checkAll(running.clock.instant())).isZero();

    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    assertThat(single(running.slack.messages(DM)).text()).contains("3 h 1 min without a break");
  }

  /**
   * Ada takes the daily watch in C0OPS when she sets it up, on Monday at 09:00; Grace takes it over
   * on Tuesday at 09:00.
   */
  private void adaHandsOverToGraceOnTuesday() {
    running.slack.addUser("U0GRACE", "grace", "Europe/Berlin");
    HttpResponse<String> setup =
        running.requests.command(
            Envelopes.TEAM,
            ADA,
            "C0OPS",
            "captain setup <@U0ADA|ada> <@U0GRACE|grace> daily at 09:00 tz Europe/Berlin");
    assertThat(setup.statusCode()).isEqualTo(200);
    running.clock.set(Instant.parse("2026-11-24T08:01:00Z"));
    running.bot.parts().rotations().performDue(running.clock.instant());
    assertThat(running.bot.parts().nudges().awaitIdle(WAIT)).isTrue();
  }

  private List<PostedMessage> recoveryNudges() {
    return running.slack.messages(DM).stream()
        .filter(m -> m.text().contains("Your watch in <#C0OPS> is over"))
        .toList();
  }

  @Test
  void theOutgoingCaptainGetsARecoveryNudge() {
    adaHandsOverToGraceOnTuesday();
    awaitRow(
        "SELECT COUNT(*) FROM nudge n JOIN outbox o ON o.ref = 'nudge:' || n.id"
            + " WHERE n.kind = 'recovery' AND o.sent_at IS NOT NULL");
    assertThat(recoveryNudges()).hasSize(1);
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM nudge WHERE kind = 'recovery' AND channel_id = 'C0OPS'"))
        .isEqualTo(1);
  }

  @Test
  void theHourHeldFromSetupToTheFirstHandoffEarnsNoRecoveryNudge() {
    running.slack.addUser("U0GRACE", "grace", "Europe/Berlin");
    running.requests.command(
        Envelopes.TEAM,
        ADA,
        "C0OPS",
        "captain setup <@U0ADA|ada> <@U0GRACE|grace> daily at 10:00 tz Europe/Berlin");
    running.clock.set(Instant.parse("2026-11-23T09:00:30Z"));
    assertThat(running.bot.parts().rotations().performDue(running.clock.instant())).isEqualTo(1);
    assertThat(running.bot.parts().nudges().awaitIdle(WAIT)).isTrue();

    assertThat(running.bot.parts().recoveries().catchUp(running.clock.instant())).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE kind = 'recovery'")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM shift WHERE recovery_checked_at IS NULL"))
        .as("only Grace's watch, still running, is left to look at")
        .isEqualTo(1);
  }

  @Test
  void aRecoveryNudgeWaitsWhileSlackCannotSayWhetherDndIsOn() {
    running.slack.failNext("dnd.info", 1000, "internal_error");
    adaHandsOverToGraceOnTuesday();
    assertThat(running.slack.calls("dnd.info")).isNotEmpty();
    assertThat(recoveryNudges()).isEmpty();
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE kind = 'recovery'")).isZero();
    String adasWatchUnchecked =
        "SELECT COUNT(*) FROM shift WHERE captain_user = 'U0ADA' AND recovery_checked_at IS NULL";
    assertThat(running.count(adasWatchUnchecked)).isEqualTo(1);

    running.slack.clearFaults("dnd.info");
    running.clock.advance(Duration.ofMinutes(5));
    assertThat(running.bot.parts().recoveries().catchUp(running.clock.instant())).isEqualTo(1);
    assertThat(running.bot.parts().recoveries().catchUp(running.clock.instant())).isZero();
    awaitRow(
        "SELECT COUNT(*) FROM nudge n JOIN outbox o ON o.ref = 'nudge:' || n.id"
            + " WHERE n.kind = 'recovery' AND o.sent_at IS NOT NULL");
    assertThat(recoveryNudges()).hasSize(1);
    assertThat(running.count(adasWatchUnchecked)).isZero();
  }

  @Test
  void aWatchEndedBeforeARestartIsLookedAtOnceWhateverLooksAgain() throws Exception {
    adaHandsOverToGraceOnTuesday();
    running.restart();
    assertThat(running.bot.parts().recoveries().catchUp(running.clock.instant())).isZero();
    running.clock.advance(Duration.ofMinutes(5));
    assertThat(running.bot.parts().recoveries().catchUp(running.clock.instant())).isZero();
    awaitRow(
        "SELECT COUNT(*) FROM nudge n JOIN outbox o ON o.ref = 'nudge:' || n.id"
            + " WHERE n.kind = 'recovery' AND o.sent_at IS NOT NULL");
    assertThat(recoveryNudges()).hasSize(1);
  }

  @Test
  void shiftRestShowsAndChangesSettings() {
    assertThat(reply(ADA, "rest"))
        .contains("*Rest nudges:* on")
        .contains("22:00\u201307:00 (workspace default)")
        .contains("10 h (workspace default)");
    assertThat(reply(ADA, "rest quiet 23:00-07:30"))
        .contains("Quiet hours are now 23:00\u201307:30");
    assertThat(reply(ADA, "rest limit 9h"))
        .contains("*Daily limit:* 9 h")
        .doesNotContain("9 h (workspace");
    assertThat(reply(ADA, "rest snooze 2h")).contains("snoozed until 11:00");
    assertThat(reply(ADA, "rest pause until 2026-12-27")).contains("paused until Sun 27 Dec 2026");
    assertThat(reply(ADA, "rest off")).contains("*Rest nudges:* off");
    assertThat(reply(ADA, "rest on")).contains("*Rest nudges:* on");
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM rest_prefs WHERE quiet_from = '23:00' AND quiet_to = '07:30'"
                    + " AND daily_limit_min = 540 AND enabled = 1 AND paused_until IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void badRestArgumentsGetTheUsageAndChangeNothing() {
    for (String bad :
        List.of(
            "rest quiet 23:00",
            "rest quiet 07:00-07:00",
            "rest quiet 25:00-07:00",
            "rest limit 0h",
            "rest limit 25h",
            "rest limit nine",
            "rest snooze 2m",
            "rest snooze",
            "rest pause until 2026-11-23",
            "rest pause until 2026-13-01",
            "rest pause",
            "rest off now",
            "rest banana")) {
      String answer = reply(ADA, bad);
      assertThat(answer).as(bad).contains(":warning:").contains("Usage: `/shift rest");
    }
    assertThat(running.count("SELECT COUNT(*) FROM rest_prefs")).isZero();
  }

  /** Waits until the bot's own thread has written what {@code sql} counts. */
  private void awaitRow(String sql) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (running.count(sql) == 0) {
      assertThat(System.nanoTime()).as("waiting for " + sql).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  /** Messages from {@code from} every ten minutes for {@code length}, each at its own instant. */
  private void workEveryTenMinutes(Instant from, Duration length) {
    for (long m = 0; m <= length.toMinutes(); m += 10) {
      Instant at = from.plus(Duration.ofMinutes(m));
      running.clock.set(at);
      assertThat(running.requests.json(envelopes.message(ADA, "C0GENERAL", at)).statusCode())
          .isEqualTo(200);
      assertThat(running.bot.parts().nudges().awaitIdle(WAIT)).isTrue();
    }
  }

  private String blockActions(PostedMessage dm, String actionId) {
    JsonObject blocks = JsonParser.parseString("{\"b\":" + dm.blocksJson() + "}").getAsJsonObject();
    String value = null;
    for (JsonElement b : blocks.getAsJsonArray("b")) {
      if (b.getAsJsonObject().has("elements")
          && "actions".equals(b.getAsJsonObject().get("type").getAsString())) {
        value =
            b.getAsJsonObject()
                .getAsJsonArray("elements")
                .get(0)
                .getAsJsonObject()
                .get("value")
                .getAsString();
      }
    }
    JsonObject p = new JsonObject();
    p.addProperty("type", "block_actions");
    p.add(
        "user",
        JsonParser.parseString(
            "{\"id\":\""
                + ADA
                + "\",\"username\":\"ada\",\"name\":\"ada\",\"team_id\":\"T0SANDBOX\"}"));
    p.addProperty("api_app_id", "A0SANDBOX");
    p.addProperty("token", "legacy-unused");
    p.add(
        "container",
        JsonParser.parseString(
            "{\"type\":\"message\",\"message_ts\":\""
                + dm.ts()
                + "\",\"channel_id\":\""
                + DM
                + "\",\"is_ephemeral\":false}"));
    p.addProperty("trigger_id", running.slack.mintTrigger(ADA));
    p.add("team", JsonParser.parseString("{\"id\":\"T0SANDBOX\",\"domain\":\"sandbox\"}"));
    p.add("channel", JsonParser.parseString("{\"id\":\"" + DM + "\",\"name\":\"directmessage\"}"));
    JsonObject message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("ts", dm.ts());
    message.addProperty("text", dm.text());
    message.add("blocks", blocks.getAsJsonArray("b"));
    p.add("message", message);
    p.addProperty("response_url", "https://hooks.example.invalid/actions/1");
    JsonObject action = new JsonObject();
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "nudge:" + value);
    action.addProperty("value", value);
    action.addProperty("type", "button");
    action.addProperty("action_ts", Envelopes.ts(running.clock.instant()));
    JsonArray actions = new JsonArray();
    actions.add(action);
    p.add("actions", actions);
    return p.toString();
  }

  private static List<String> actionIds(PostedMessage m) {
    return buttons(m, "action_id");
  }

  private static List<String> buttonTexts(PostedMessage m) {
    List<String> texts = new ArrayList<>();
    for (String t : buttons(m, "text")) {
      texts.add(JsonParser.parseString(t).getAsJsonObject().get("text").getAsString());
    }
    return texts;
  }

  private static List<String> buttons(PostedMessage m, String field) {
    List<String> found = new ArrayList<>();
    for (JsonElement b : JsonParser.parseString(m.blocksJson()).getAsJsonArray()) {
      JsonObject block = b.getAsJsonObject();
      if ("actions".equals(block.get("type").getAsString())) {
        for (JsonElement e : block.getAsJsonArray("elements")) {
          JsonElement v = e.getAsJsonObject().get(field);
          found.add(v.isJsonPrimitive() ? v.getAsString() : v.toString());
        }
      }
    }
    return found;
  }

  private static PostedMessage single(List<PostedMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
