package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.secondshift.sandbox.PostedMessage;
import org.secondshift.testing.BotOverHttp;

/** Writing to the bot's Messages tab, signed over HTTP; the answer comes through the stand-in. */
class MessagesTabOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String ADA = "U0ADA";
  private static final String ADAS_DM = "D0ADA";
  private static final String IN_A_DM = "{\"channel_type\":\"im\"}";
  private static final Instant MONDAY_9_BERLIN = Instant.parse("2026-11-23T08:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  MessagesTabOverHttpTest() {
    super(MONDAY_9_BERLIN, person(ADA, "ada"));
  }

  @Test
  void aMessageToTheBotIsAnsweredWithAPointerToTheCommands() {
    writeToTheBot(ADA, IN_A_DM);

    running.slack.awaitCalls("chat.postMessage", 1, WAIT);
    assertThat(running.slack.messages(ADAS_DM))
        .singleElement()
        .extracting(PostedMessage::text)
        .asString()
        .contains("/shift help")
        .doesNotContain("secret");
    assertThat(running.count("SELECT COUNT(*) FROM activity")).isZero();
  }

  @Test
  void aSecondMessageTheSameDayGetsNoAnswerButTheNextDayDoes() {
    writeToTheBot(ADA, IN_A_DM);
    running.clock.advance(Duration.ofHours(2));
    writeToTheBot(ADA, IN_A_DM);
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE kind = 'pointer'")).isEqualTo(1);

    running.clock.advance(Duration.ofDays(1));
    writeToTheBot(ADA, IN_A_DM);
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE kind = 'pointer'")).isEqualTo(2);
    running.slack.awaitCalls("chat.postMessage", 2, WAIT);
  }

  @Test
  void theBotsOwnPostsAndOtherAppsInTheDmAreNotAnswered() {
    writeToTheBot(running.slack.botUserId(), IN_A_DM);
    writeToTheBot(ADA, "{\"channel_type\":\"im\",\"bot_id\":\"B0OTHER\"}");
    writeToTheBot(ADA, "{\"channel_type\":\"im\",\"subtype\":\"message_changed\"}");
    assertThat(running.count("SELECT COUNT(*) FROM outbox")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM dm_pointer")).isZero();
  }

  private void writeToTheBot(String user, String extraJson) {
    Instant at = running.clock.instant();
    String body = envelopes.message(envelopes.eventId(), user, ADAS_DM, at, extraJson);
    assertThat(running.requests.json(body).statusCode()).isEqualTo(200);
  }
}
