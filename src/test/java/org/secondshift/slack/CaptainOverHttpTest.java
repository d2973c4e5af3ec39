package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.sandbox.PostedMessage;
import org.secondshift.sandbox.SlackDates;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.schedule.HandoffJob;
import org.secondshift.schedule.HandoffTriggers;
import org.secondshift.schedule.Schedules;
import org.secondshift.slack.blocks.CaptainView;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.Interactions;

/** The captain rotation through signed HTTP, the stand-in and a real SQLite file. */
class CaptainOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String ADA = "U0ADA";
  private static final String GRACE = "U0GRACE";
  private static final String LIN = "U0LIN";
  private static final String OPS = "C0OPS";
  private static final String SETUP =
      "captain setup <@U0ADA|ada> <@U0GRACE|grace> every 12h at 09:00 tz Europe/Berlin";

  /**
   * 08:00 in Berlin, inside the 21:00–09:00 shift: whoever is first in line holds the watch from
   * setup until the first handoff at 09:00 (08:00 UTC); the next is at 21:00 (20:00 UTC).
   */
  private static final Instant MONDAY_8_BERLIN = Instant.parse("2026-11-23T07:00:00Z");

  private static final Instant FIRST = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-23T20:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  CaptainOverHttpTest() {
    super(MONDAY_8_BERLIN, OPS, person(ADA, "ada"), person(GRACE, "grace"), person(LIN, "lin"));
  }

  /**
   * Waits until {@code channel} holds {@code expected} messages, moving the clock a second at a
   * time because the outbox paces each channel to one message per second of the bot's clock.
   */
  /**
   * The channel's messages once {@code expected} are there, each time in them as its fallback (the
   * rotation's zone, named): what every reader sees in their own zone is {@code WhenTest}'s.
   */
  /** The answer to {@code /shift text}, each time in it as its fallback. */
  private String read(String user, String text) {
    return SlackDates.fallbacks(reply(user, text));
  }

  private List<PostedMessage> settle(String channel, int expected) {
    sendUntil(() -> running.slack.messages(channel).size() >= expected, Duration.ofSeconds(1));
    return running.slack.messages(channel).stream()
        .map(
            m ->
                new PostedMessage(
                    m.channel(),
                    m.ts(),
                    SlackDates.fallbacks(m.text()),
                    m.blocksJson(),
                    m.threadTs(),
                    m.user()))
        .toList();
  }

  @Test
  void setupPostsThePlanInTheChannel() {
    assertThat(reply(ADA, SETUP)).contains("set up");

    List<PostedMessage> posts = settle(OPS, 1);
    assertThat(posts)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.text())
                    .contains("<@U0ADA> set up the captain rotation")
                    .contains("every 12 h from 21:00 Berlin time")
                    .doesNotContain("Europe/Berlin")
                    .contains("<@U0ADA> holds the watch now, until Mon 23 Nov 09:00")
                    .contains(
                        "Mon 23 Nov 09:00 Berlin time – Mon 23 Nov 21:00 Berlin time  <@U0GRACE>")
                    .contains(
                        "Mon 23 Nov 21:00 Berlin time – Tue 24 Nov 09:00 Berlin time  <@U0ADA>"));
    assertThat(read(LIN, "captain"))
        .contains(
            "<@U0ADA> holds the watch since Mon 23 Nov 08:00 Berlin time until Mon 23 Nov 09:00")
        .doesNotContain("Nobody");
  }

  @Test
  void aRotationSetUpMidShiftPutsTheFirstPersonOnWatchAtOnceUntilTheNextBoundary() {
    running.clock.set(Instant.parse("2026-11-23T09:00:00Z")); // 10:00 in Berlin
    assertThat(reply(ADA, SETUP)).contains("set up");

    assertThat(settle(OPS, 1).get(0).text())
        .contains("<@U0ADA> holds the watch now, until Mon 23 Nov 21:00")
        .contains("Mon 23 Nov 21:00 Berlin time – Tue 24 Nov 09:00 Berlin time  <@U0GRACE>");
    assertThat(read(LIN, "captain"))
        .contains(
            "<@U0ADA> holds the watch since Mon 23 Nov 10:00 Berlin time until Mon 23 Nov 21:00");
  }

  @Test
  void theHandoffAtTheBoundaryPostsOnceAndSendsBothDirectMessages() {
    reply(ADA, SETUP);
    assertThat(reply(LIN, "note eval run 42 diverged at step 3k")).contains("next captain");
    settle(OPS, 1);
    running.clock.set(FIRST);
    assertThat(running.bot.parts().rotations().performDue(FIRST)).isEqualTo(1);
    assertThat(running.bot.parts().rotations().performDue(FIRST)).isZero();
    assertThat(settle("DU0GRACE", 1))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.text())
                    .contains("You hold the watch")
                    .contains("eval run 42 diverged"));
    // Ada held the watch when the note was left, so she read it at once; then she went off duty.
    assertThat(settle("DU0ADA", 2))
        .satisfies(
            dms -> {
              assertThat(dms.get(0).text()).contains("left a handoff note");
              assertThat(dms.get(1).text()).contains("off duty");
            });

    running.clock.set(SECOND.minus(Duration.ofMinutes(29)));
    running.bot.parts().rotations().performDue(running.clock.instant());
    assertThat(settle("DU0ADA", 3))
        .last()
        .satisfies(m -> assertThat(m.text()).contains("In 29 minutes, at"));

    running.clock.set(SECOND.plusMillis(300));
    assertThat(running.bot.parts().rotations().performDue(running.clock.instant())).isEqualTo(1);
    assertThat(running.bot.parts().rotations().performDue(running.clock.instant())).isZero();

    List<PostedMessage> channel = settle(OPS, 3);
    assertThat(channel).hasSize(3);
    assertThat(channel.get(1).text())
        .contains("<@U0GRACE> now holds the watch until Mon 23 Nov 21:00")
        .contains("<@U0ADA> is off duty");
    assertThat(channel.get(2).text())
        .contains("<@U0ADA> now holds the watch until Tue 24 Nov 09:00")
        .contains("<@U0GRACE> is off duty")
        .doesNotContain("diverged");
    assertThat(settle("DU0ADA", 4))
        .hasSize(4)
        .last()
        .satisfies(
            m -> assertThat(m.text()).contains("You hold the watch").doesNotContain("diverged"));
    // Grace's twelve hours end with the off-duty word and, in whichever order, the recovery nudge.
    assertThat(settle("DU0GRACE", 3))
        .hasSize(3)
        .extracting(PostedMessage::text)
        .satisfiesExactlyInAnyOrder(
            t -> assertThat(t).contains("You hold the watch"),
            t -> assertThat(t).contains("off duty"),
            t -> assertThat(t).contains("Your watch in <#C0OPS> is over"));
    // Ada's hour from setup, Grace's twelve, and Ada's watch begun at 21:00: one duty log each.
    assertThat(running.count("SELECT COUNT(*) FROM work_session WHERE source = 2")).isEqualTo(3);
    assertThat(read(LIN, "captain")).contains("<@U0ADA> holds the watch since Mon 23 Nov 21:00");
  }

  @Test
  void aRestartAfterAMissedBoundaryCatchesUpExactlyOnce() throws Exception {
    reply(ADA, SETUP);
    running.clock.set(FIRST);
    running.bot.parts().rotations().performDue(FIRST);
    settle(OPS, 2);

    // Down from 20:59 to 22:35 Berlin time: the 21:00 handoff is missed.
    running.clock.set(SECOND.minus(Duration.ofMinutes(1)));
    running.bot.close();
    running.clock.set(SECOND.plus(Duration.ofMinutes(95)));
    running = running.restart();
    assertThat(running.bot.parts().rotations().performDue(running.clock.instant())).isZero();
    settle(OPS, 3);
    running = running.restart();
    assertThat(running.bot.parts().rotations().performDue(running.clock.instant())).isZero();
    settle("DU0ADA", 2);

    // Grace: the watch at 09:00, then, at the late handoff, off duty and (from the rest check each
    // start runs) the recovery nudge for the watch she held; each once, over both restarts.
    List<PostedMessage> grace = settle("DU0GRACE", 3);
    assertThat(grace).filteredOn(m -> m.text().contains("You hold the watch")).hasSize(1);
    assertThat(grace).filteredOn(m -> m.text().contains("You are off duty")).hasSize(1);
    assertThat(grace).filteredOn(m -> m.text().contains("Your watch in")).hasSize(1);
    assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE user_id = 'U0GRACE'")).isEqualTo(1);

    List<PostedMessage> channel = running.slack.messages(OPS);
    assertThat(channel).hasSize(3);
    assertThat(SlackDates.fallbacks(channel.get(2).text()))
        .contains("<@U0ADA> now holds the watch")
        .contains("was due at Mon 23 Nov 21:00")
        .contains("made late, at Mon 23 Nov 22:35");
    // The shift Ada took at setup, Grace's from 09:00, and Ada's again from the late handoff.
    assertThat(running.count("SELECT COUNT(*) FROM shift")).isEqualTo(3);
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE kind = 'handoff'")).isEqualTo(2);
    assertThat(running.slack.messages("DU0ADA")).hasSize(2);
    assertThat(running.slack.messages("DU0GRACE")).hasSize(3);
  }

  @Test
  void badArgumentsGetTheUsageAndChangeNothing() {
    for (String bad :
        List.of(
            "captain setup every 12h at 09:00",
            "captain setup <@U0ADA> every 30h at 09:00",
            "captain setup <@U0ADA> every 0h at 09:00",
            "captain setup <@U0ADA> every 12h at 9am",
            "captain setup <@U0ADA> every 12h at 09:00 tz Mars/Olympus",
            "captain setup @ada every 12h at 09:00",
            "captain setup <@U0ADA> <@U0ADA> daily at 09:00",
            "captain swap",
            "captain frobnicate",
            "captain schedule lots",
            "captain handoff",
            "note")) {
      assertThat(reply(ADA, bad)).as(bad).contains("Usage");
    }
    assertThat(running.count("SELECT COUNT(*) FROM rotation")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM outbox")).isZero();
  }

  @Test
  void swapCoverAndSkipMoveOnlyTheShiftsNamed() {
    // Ada holds the watch from setup until 09:00; then Grace, Lin and Ada in turn.
    reply(ADA, "captain setup <@U0ADA> <@U0GRACE> <@U0LIN> daily at 09:00 tz Europe/Berlin");
    assertThat(reply(ADA, "captain swap <@U0LIN>")).contains("Swapped");
    assertThat(reply(ADA, "captain schedule 3"))
        .containsSubsequence("<@U0GRACE>", "<@U0ADA>", "<@U0LIN>");
    assertThat(reply(GRACE, "captain cover <@U0ADA> for <@U0GRACE>"))
        .contains("<@U0ADA> covers for <@U0GRACE>");
    assertThat(reply(LIN, "captain skip")).contains("<@U0GRACE> is skipped");
    assertThat(reply(LIN, "captain handoff")).contains("Only the captain on duty (<@U0ADA>)");
    assertThat(running.count("SELECT COUNT(*) FROM shift_pin")).isEqualTo(3);
  }

  @Test
  void replacingARotationAsksFirstAndTheReplaceButtonAppliesOnce() {
    reply(ADA, SETUP);
    var response =
        running.requests.command(
            Envelopes.TEAM,
            GRACE,
            OPS,
            "captain setup <@U0LIN> <@U0GRACE> daily at 10:00 tz Europe/Berlin");
    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    assertThat(body.get("text").getAsString()).contains("already has a captain rotation");
    String value = replaceValue(body);
    assertThat(value).hasSizeLessThan(40).doesNotContain("U0LIN");
    assertThat(running.count("SELECT COUNT(*) FROM rotation_member WHERE user_id = 'U0LIN'"))
        .isZero();

    settle(OPS, 1);
    running.clock.advance(Duration.ofSeconds(2));
    String url = question(GRACE, body);
    assertThat(running.requests.form(Map.of("payload", replaceClick(value, url))).statusCode())
        .isEqualTo(200);
    running.slack.awaitResponses(1, WAIT);
    assertThat(running.slack.ephemerals(OPS, GRACE))
        .singleElement()
        .satisfies(
            e -> assertThat(e.text()).contains("Captain rotation replaced").contains("<@U0LIN>"));
    assertThat(running.slack.ephemerals(OPS, GRACE).get(0).blocksJson())
        .doesNotContain("captain_replace");

    assertThat(running.requests.form(Map.of("payload", replaceClick(value, url))).statusCode())
        .isEqualTo(200);
    running.slack.awaitResponses(2, WAIT);
    assertThat(running.slack.ephemerals(OPS, GRACE))
        .singleElement()
        .satisfies(
            e -> assertThat(e.text()).contains("already replaced").doesNotContain("meanwhile"));

    assertThat(running.count("SELECT COUNT(*) FROM rotation_member WHERE user_id = 'U0LIN'"))
        .isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE kind = 'captain-plan'"))
        .isEqualTo(2);
    assertThat(settle(OPS, 2).get(1).text()).contains("<@U0GRACE> replaced the captain rotation");
  }

  @Test
  void aSeventyPersonReplaceCarriesOnlyAShortIdAndWorks() {
    reply(ADA, SETUP);
    StringBuilder roster = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      String id = "U07ABCD%03d".formatted(i);
      running.slack.addUser(id, "person.number%03d".formatted(i), "Europe/Berlin");
      roster.append("<@").append(id).append("|person.number%03d> ".formatted(i));
    }
    String command = "captain setup " + roster + "every 12h at 09:00 tz Europe/Berlin";
    assertThat(command).hasSizeGreaterThan(2000);
    JsonObject body =
        JsonParser.parseString(running.requests.command(Envelopes.TEAM, GRACE, OPS, command).body())
            .getAsJsonObject();
    String value = replaceValue(body);
    assertThat(value).hasSizeLessThan(40);

    String url = question(GRACE, body);
    assertThat(running.requests.form(Map.of("payload", replaceClick(value, url))).statusCode())
        .isEqualTo(200);
    running.slack.awaitResponses(1, WAIT);
    assertThat(running.slack.ephemerals(OPS, GRACE).get(0).text())
        .contains("Captain rotation replaced");
    assertThat(running.count("SELECT COUNT(*) FROM rotation_member")).isEqualTo(70);
    assertThat(running.count("SELECT COUNT(*) FROM rotation_member WHERE user_id = 'U07ABCD069'"))
        .isEqualTo(1);
  }

  @Test
  void aReplaceClickedAfterHalfAnHourSaysTheQuestionExpiredAndChangesNothing() {
    reply(ADA, SETUP);
    JsonObject body =
        JsonParser.parseString(
                running
                    .requests
                    .command(
                        Envelopes.TEAM,
                        GRACE,
                        OPS,
                        "captain setup <@U0LIN> <@U0GRACE> daily at 10:00 tz Europe/Berlin")
                    .body())
            .getAsJsonObject();
    String value = replaceValue(body);
    var shown =
        running.slack.showEphemeral(
            OPS, GRACE, body.get("text").getAsString(), body.get("blocks").toString());
    running.clock.advance(Duration.ofMinutes(31));
    // Each click brings a fresh response_url, so the answer still reaches the person.
    String url = running.slack.responseUrl(OPS, GRACE, shown.ts());
    assertThat(running.requests.form(Map.of("payload", replaceClick(value, url))).statusCode())
        .isEqualTo(200);

    running.slack.awaitResponses(1, WAIT);
    assertThat(running.slack.ephemerals(OPS, GRACE))
        .singleElement()
        .satisfies(e -> assertThat(e.text()).contains("expired").contains("again"));
    assertThat(running.count("SELECT COUNT(*) FROM rotation_member WHERE user_id = 'U0LIN'"))
        .isZero();
  }

  @Test
  void oldQuestionsAreDeletedWhenTheNextOneIsAsked() {
    reply(ADA, SETUP);
    String again = "captain setup <@U0LIN> <@U0GRACE> daily at 10:00 tz Europe/Berlin";
    running.requests.command(Envelopes.TEAM, GRACE, OPS, again);
    assertThat(running.count("SELECT COUNT(*) FROM pending_setup")).isEqualTo(1);
    running.clock.advance(Duration.ofHours(1));
    running.requests.command(Envelopes.TEAM, GRACE, OPS, again);
    assertThat(running.count("SELECT COUNT(*) FROM pending_setup")).isEqualTo(1);
  }

  @Test
  void fiftyShiftsOfATwoHundredFiftyPersonRotationStayWithinSlacksLimits() {
    StringBuilder roster = new StringBuilder();
    for (int i = 0; i < 250; i++) {
      String id = "U07ABCD%03d".formatted(i);
      running.slack.addUser(id, "person.number%03d".formatted(i), "Europe/Berlin");
      roster.append("<@").append(id).append("> ");
    }
    assertThat(reply(ADA, "captain setup " + roster + "every 2h at 09:00 tz Europe/Berlin"))
        .contains("set up");

    var response = running.requests.command(Envelopes.TEAM, LIN, OPS, "captain schedule 50");
    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    String blocks = body.get("blocks").toString();
    assertThat(SlackStandIn.blocksProblem(blocks, false)).isEmpty();
    assertThat(running.slack.showEphemeral(OPS, LIN, body.get("text").getAsString(), blocks).text())
        .contains("The next 50 shifts");
    assertThat(blocks).contains("U07ABCD049").contains("and more");
  }

  private static String replaceValue(JsonObject body) {
    return body.getAsJsonArray("blocks")
        .get(body.getAsJsonArray("blocks").size() - 1)
        .getAsJsonObject()
        .getAsJsonArray("elements")
        .get(0)
        .getAsJsonObject()
        .get("value")
        .getAsString();
  }

  @Test
  void keepingTheCurrentRotationLeavesItAndTakesTheButtonsAway() {
    reply(ADA, SETUP);
    var response =
        running.requests.command(
            Envelopes.TEAM, GRACE, OPS, "captain setup <@U0LIN> <@U0GRACE> daily at 10:00");
    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    String url = question(GRACE, body);
    var click =
        running.requests.form(
            Map.of(
                "payload",
                Interactions.buttonClick(
                    GRACE,
                    running.slack.mintTrigger(GRACE),
                    OPS,
                    running.slack.ephemerals(OPS, GRACE).get(0).ts(),
                    CaptainView.KEEP_ACTION,
                    "kept",
                    true,
                    url)));
    assertThat(click.statusCode()).isEqualTo(200);

    running.slack.awaitResponses(1, WAIT);
    assertThat(running.slack.ephemerals(OPS, GRACE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.text()).contains("Kept the current captain rotation");
              assertThat(e.blocksJson()).isNull();
            });
    assertThat(running.count("SELECT COUNT(*) FROM rotation_member WHERE user_id = 'U0LIN'"))
        .isZero();
  }

  /** Shows the command's answer as Slack would, and returns the response URL its buttons carry. */
  private String question(String user, JsonObject body) {
    var shown =
        running.slack.showEphemeral(
            OPS, user, body.get("text").getAsString(), body.get("blocks").toString());
    return running.slack.responseUrl(OPS, user, shown.ts());
  }

  @Test
  void triggersFireAtTheLocalHandoffTimesAcrossTheBerlinDstChange() {
    reply(ADA, SETUP);
    List<String> names = HandoffTriggers.names(Envelopes.TEAM, OPS);
    assertThat(
            running
                .bot
                .parts()
                .schedules()
                .fireTimesAfter(names.get(0), Instant.parse("2026-03-28T12:00:00Z"), 3))
        .containsExactly(
            Instant.parse("2026-03-28T20:00:00Z"),
            Instant.parse("2026-03-29T07:00:00Z"),
            Instant.parse("2026-03-29T19:00:00Z"));
    assertThat(
            running
                .bot
                .parts()
                .schedules()
                .fireTimesAfter(names.get(1), Instant.parse("2026-10-24T12:00:00Z"), 3))
        .containsExactly(
            Instant.parse("2026-10-24T18:30:00Z"),
            Instant.parse("2026-10-25T07:30:00Z"),
            Instant.parse("2026-10-25T19:30:00Z"));
  }

  @Test
  void aQuartzTriggerFiringTheJobPerformsTheHandoff() {
    reply(ADA, SETUP);
    settle(OPS, 1);
    running.clock.set(FIRST.plusSeconds(1));
    try (Schedules quartz = Schedules.inMemory()) {
      quartz.every("look-now", HandoffJob.class, Duration.ofMillis(200));
      quartz.start(
          Map.of(
              HandoffJob.class,
              () -> new HandoffJob(running.bot.parts().rotations(), running.clock)));
      settle(OPS, 2);
    }
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE kind = 'handoff'")).isEqualTo(1);
    assertThat(running.slack.messages(OPS)).hasSize(2);
    assertThat(running.slack.messages(OPS).get(1).text())
        .contains("<@U0GRACE> now holds the watch");
  }

  private String replaceClick(String value, String responseUrl) {
    JsonObject p = new JsonObject();
    p.addProperty("type", "block_actions");
    JsonObject team = new JsonObject();
    team.addProperty("id", Envelopes.TEAM);
    team.addProperty("domain", "sandbox");
    p.add("team", team);
    JsonObject user = new JsonObject();
    user.addProperty("id", GRACE);
    user.addProperty("team_id", Envelopes.TEAM);
    p.add("user", user);
    p.addProperty("api_app_id", "A0SANDBOX");
    p.addProperty("token", "legacy-unused");
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", "1700000000.000100");
    container.addProperty("channel_id", OPS);
    container.addProperty("is_ephemeral", true);
    p.add("container", container);
    p.addProperty("trigger_id", running.slack.mintTrigger(GRACE));
    JsonObject channel = new JsonObject();
    channel.addProperty("id", OPS);
    channel.addProperty("name", "ops");
    p.add("channel", channel);
    p.addProperty("response_url", responseUrl);
    JsonObject action = new JsonObject();
    action.addProperty("action_id", "captain_replace");
    action.addProperty("block_id", "confirm");
    action.addProperty("value", value);
    action.addProperty("type", "button");
    action.addProperty("action_ts", "1700000001.000200");
    com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
    actions.add(action);
    p.add("actions", actions);
    return p.toString();
  }
}
