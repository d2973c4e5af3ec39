package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.sandbox.PostedMessage;
import org.secondshift.slack.blocks.CaptainView;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.Interactions;

/**
 * When Slack refuses a plan's channel posts for good, whoever set the plan up hears of it by direct
 * message, once, until they set it up again.
 */
class FailedPostsOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String ADA = "U0ADA";
  private static final String GRACE = "U0GRACE";
  private static final String OPS = "C0OPS";
  private static final String SETUP =
      "captain setup <@U0ADA|ada> <@U0GRACE|grace> every 12h at 09:00 tz Europe/Berlin";
  private static final Instant MONDAY_8_BERLIN = Instant.parse("2026-11-23T07:00:00Z");
  private static final Instant FIRST = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-23T20:00:00Z");

  /** Monday 09:00 in Berlin, when the weekly summary set up below is due. */
  private static final Instant NEXT_MONDAY_9 = Instant.parse("2026-11-30T08:00:00Z");

  private static final Duration WAIT = Duration.ofSeconds(15);

  FailedPostsOverHttpTest() {
    super(MONDAY_8_BERLIN, OPS, person(ADA, "ada"), person(GRACE, "grace"));
  }

  @Test
  void aHandoffTheBotCanNoLongerPostTellsWhoSetTheRotationUpOnce() {
    assertThat(reply(ADA, SETUP)).contains("set up");
    drain();
    running.slack.remove(OPS, running.slack.botUserId());

    running.clock.set(FIRST);
    assertThat(running.bot.parts().rotations().performDue(FIRST)).isEqualTo(1);
    drain();
    running.clock.set(SECOND);
    assertThat(running.bot.parts().rotations().performDue(SECOND)).isEqualTo(1);
    drain();

    assertThat(
            running.count(
                "SELECT COUNT(*) FROM outbox WHERE kind = 'handoff'"
                    + " AND failed_at IS NOT NULL AND last_error = 'not_in_channel'"))
        .isEqualTo(2);
    assertThat(onlyWarning(ADA))
        .contains("captain rotation", "<#C0OPS>", "no longer a member", "/invite @Second Shift");
    assertThat(warnings(GRACE)).isEmpty();
  }

  @Test
  void aHandoffSlackKeepsRefusingIsGivenUpAfterTheLastAttemptAndTellsTheSetterOnce() {
    assertThat(reply(ADA, SETUP)).contains("set up");
    drain();
    // Not a permanent error: each attempt fails, waits longer, and the tenth is the last.
    running.slack.failNext("chat.postMessage", 1_000, "internal_error");
    running.clock.set(FIRST);
    assertThat(running.bot.parts().rotations().performDue(FIRST)).isEqualTo(1);
    String givenUp =
        "SELECT COUNT(*) FROM outbox WHERE kind = 'handoff' AND failed_at IS NOT NULL"
            + " AND last_error = 'internal_error' AND attempts = 10";
    // An hour is more than the longest wait between two attempts.
    sendUntil(() -> running.count(givenUp) == 1, Duration.ofHours(1));
    assertThat(warnings(ADA)).isEmpty();

    running.slack.clearFaults("chat.postMessage");
    sendUntil(() -> !warnings(ADA).isEmpty(), Duration.ofMinutes(1));
    assertThat(onlyWarning(ADA))
        .contains("<#C0OPS>", "Slack kept refusing it (internal_error)", "/shift captain setup");
    assertThat(warnings(GRACE)).isEmpty();
  }

  @Test
  void replacingTheRotationTellsItsNewSetterAgain() {
    reply(ADA, SETUP);
    drain();
    running.slack.remove(OPS, running.slack.botUserId());
    running.clock.set(FIRST);
    running.bot.parts().rotations().performDue(FIRST);
    drain();
    assertThat(warnings(ADA)).hasSize(1);

    running.slack.invite(OPS, running.slack.botUserId());
    replaceAs(GRACE, SETUP);
    drain();
    running.slack.remove(OPS, running.slack.botUserId());
    // The replacing rotation starts at the next 09:00 it names: Tuesday's.
    Instant next = SECOND.plus(Duration.ofHours(12));
    running.clock.set(next);
    assertThat(running.bot.parts().rotations().performDue(next)).isEqualTo(1);
    drain();

    assertThat(onlyWarning(GRACE)).contains("captain rotation", "<#C0OPS>");
    assertThat(warnings(ADA)).hasSize(1);
  }

  /** {@code user} sets up a rotation where one exists, and confirms the replacement. */
  private void replaceAs(String user, String setup) {
    JsonObject body = body(running.requests.command(Envelopes.TEAM, user, OPS, setup));
    assertThat(body.get("text").getAsString()).contains("already has a captain rotation");
    String value = Interactions.buttonValue(body, 2);
    var shown =
        running.slack.showEphemeral(
            OPS, user, body.get("text").getAsString(), body.get("blocks").toString());
    String url = running.slack.responseUrl(OPS, user, shown.ts());
    String click =
        Interactions.buttonClick(
            user,
            running.slack.mintTrigger(user),
            OPS,
            shown.ts(),
            CaptainView.REPLACE_ACTION,
            value,
            true,
            url);
    assertThat(running.requests.form(Map.of("payload", click)).statusCode()).isEqualTo(200);
    running.slack.awaitResponses(1, WAIT);
    assertThat(running.slack.ephemerals(OPS, user).get(0).text()).contains("replaced");
  }

  @Test
  void aWeeklySummaryTheBotCanNoLongerPostTellsItsSetterOnceUntilSetUpAgain() throws Exception {
    assertThat(reply(ADA, "summary weekly on mon 09:00")).doesNotContain("Invite me");
    running.slack.remove(OPS, running.slack.botUserId());

    summaryDueAt(NEXT_MONDAY_9.plusSeconds(60));
    summaryDueAt(NEXT_MONDAY_9.plus(Duration.ofDays(7)).plusSeconds(60));
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM outbox WHERE kind = 'summary'"
                    + " AND failed_at IS NOT NULL"))
        .isEqualTo(2);
    assertThat(onlyWarning(ADA)).contains("weekly summary", "<#C0OPS>", "/shift summary weekly on");

    running.slack.invite(OPS, running.slack.botUserId());
    assertThat(reply(GRACE, "summary weekly on mon 09:00")).doesNotContain("Invite me");
    running.slack.remove(OPS, running.slack.botUserId());
    summaryDueAt(NEXT_MONDAY_9.plus(Duration.ofDays(14)).plusSeconds(60));

    assertThat(warnings(ADA)).hasSize(1);
    assertThat(warnings(GRACE)).singleElement();
  }

  /** Brings the bot back at {@code at}: it catches up the summary due then, and sends it. */
  private void summaryDueAt(Instant at) throws Exception {
    running.clock.set(at);
    running.restart();
    drain();
  }

  /** The text of the one warning {@code user} got. */
  private String onlyWarning(String user) {
    assertThat(warnings(user)).hasSize(1);
    return warnings(user).get(0).text();
  }

  private List<PostedMessage> warnings(String user) {
    return running.slack.messages("D" + user).stream()
        .filter(m -> m.text().contains("I could not post"))
        .toList();
  }

  /**
   * Lets the outbox send or give up on every row, moving the clock a second at a time because it
   * paces each channel by the bot's clock.
   */
  private void drain() {
    sendUntil(() -> pending() == 0, Duration.ofSeconds(1));
  }

  private long pending() {
    return running.count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
  }
}
