package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;

/**
 * {@code /shift captain setup} and {@code /shift summary} only where the bot can post, asked of the
 * stand-in's conversations.info over real HTTP.
 */
class ChannelAccessOverHttpTest extends BotOverHttp {
  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private static final String ADA = "U0ADA";
  private static final String RANDOM = "C0RANDOM";
  private static final String SETUP =
      "captain setup <@U0ADA|ada> <@U0GRACE|grace> every 12h at 09:00 tz Europe/Berlin";
  private static final String INVITE = "Invite me first: `/invite @Second Shift`";

  ChannelAccessOverHttpTest() {
    super(NOW, person(ADA, "ada"), person("U0GRACE", "grace"));
  }

  @BeforeEach
  void aChannelWithoutTheBot() {
    running.slack.addChannel(RANDOM, "random");
    running.slack.invite(RANDOM, ADA);
  }

  private String reply(String channel, String channelName, String text) {
    return body(running.requests.command(Envelopes.TEAM, ADA, channel, channelName, text))
        .get("text")
        .getAsString();
  }

  private long rows(String table) {
    return running.count("SELECT COUNT(*) FROM " + table);
  }

  @Test
  void captainSetupInAChannelWithoutTheBotAsksToBeInvitedAndSetsNothingUp() {
    assertThat(reply(RANDOM, "random", SETUP)).contains(INVITE);

    assertThat(rows("rotation")).isZero();
    assertThat(rows("outbox")).isZero();
    assertThat(running.slack.calls("conversations.info"))
        .singleElement()
        .satisfies(c -> assertThat(c.param("channel")).isEqualTo(RANDOM));
  }

  @Test
  void onceTheBotIsInvitedTheSameSetupWorksAndThePlanIsPosted() {
    reply(RANDOM, "random", SETUP);
    running.slack.invite(RANDOM, running.slack.botUserId());

    assertThat(reply(RANDOM, "random", SETUP)).contains("set up");
    running.bot.parts().outbox().wake();
    running.slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10));
    assertThat(running.slack.messages(RANDOM))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("set up the captain rotation"));
  }

  @Test
  void aPrivateChannelSlackHidesFromTheBotAlsoAsksForAnInvitation() {
    running.slack.addPrivateChannel("G0SECRET", "secret");

    assertThat(reply("G0SECRET", "secret", SETUP)).contains(INVITE);
    assertThat(rows("rotation")).isZero();
  }

  @Test
  void aDirectMessageIsRefusedWithWhereTheCommandWorksWithoutAskingSlack() {
    String answer = reply("DU0ADA", "directmessage", SETUP);

    assertThat(answer)
        .contains("not in a direct message")
        .contains("public or private channel I was invited to");
    assertThat(running.slack.calls("conversations.info")).isEmpty();
    assertThat(rows("rotation")).isZero();
  }

  @Test
  void aGroupDirectMessageIsRefusedToo() {
    assertThat(reply("C0MPDM", "mpdm-ada--grace-1", "summary weekly on"))
        .contains("not in a direct message");
    assertThat(rows("summary_schedule")).isZero();
  }

  @Test
  void anArchivedChannelIsRefusedWithTheReason() {
    running.slack.invite(RANDOM, running.slack.botUserId());
    running.slack.archive(RANDOM);

    assertThat(reply(RANDOM, "random", SETUP)).contains("archived");
    assertThat(rows("rotation")).isZero();
  }

  @Test
  void weeklySummariesAndSummaryNowAskToBeInvitedAndQueueNothing() {
    assertThat(reply(RANDOM, "random", "summary weekly on mon 09:00")).contains(INVITE);
    assertThat(reply(RANDOM, "random", "summary now")).contains(INVITE);

    assertThat(rows("summary_schedule")).isZero();
    assertThat(rows("outbox")).isZero();
  }

  @Test
  void whenSlackCannotSayTheCommandGoesAheadAndTheFirstPostDecides() {
    running.slack.failNext("conversations.info", 1, "internal_error");

    assertThat(reply(RANDOM, "random", SETUP)).contains("set up");
    assertThat(rows("rotation")).isEqualTo(1);
    assertThat(reply(RANDOM, "random", "summary weekly on")).contains(INVITE);
  }
}
