package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;

/** Which authors' messages are someone's work here, signed over HTTP as Slack sends them. */
class WhoCountsOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String ADA = "U0ADA";
  private static final String GUEST = "U0GUEST";
  private static final String PARTNER_TEAM = "T0PARTNER";
  private static final Instant MONDAY_9_BERLIN = Instant.parse("2026-11-23T08:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  WhoCountsOverHttpTest() {
    super(MONDAY_9_BERLIN, person(ADA, "ada"), person(GUEST, "guest"));
  }

  @Test
  void someoneFromAnotherOrganisationInASharedChannelGetsNoSessionAndNoNudge() {
    String fromPartner =
        "{\"user_team\":\"" + PARTNER_TEAM + "\",\"team\":\"" + PARTNER_TEAM + "\"}";
    for (int minute = 0; minute <= 200; minute += 10) {
      Instant at = MONDAY_9_BERLIN.plus(Duration.ofMinutes(minute));
      running.clock.set(at);
      post(envelopes.message(envelopes.eventId(), GUEST, "C0GENERAL", at, fromPartner));
    }
    assertThat(running.bot.parts().nudges().awaitIdle(WAIT)).isTrue();
    assertThat(running.bot.parts().nudges().checkAll(running.clock.instant())).isZero();

    assertThat(running.count("SELECT COUNT(*) FROM activity")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM work_session")).isZero();
    assertThat(running.count("SELECT COUNT(*) FROM outbox")).isZero();
    assertThat(running.slack.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void someoneOfTheInstallingTeamInASharedChannelStillCounts() {
    String fromUs =
        "{\"user_team\":\"" + Envelopes.TEAM + "\",\"team\":\"" + Envelopes.TEAM + "\"}";
    postByAda(fromUs);
    assertThat(running.count("SELECT COUNT(*) FROM work_session")).isEqualTo(1);
  }

  @Test
  void anotherWorkspaceOfTheSameOrgInAChannelSharedOnlyInsideItCounts() {
    String fromSibling = "{\"user_team\":\"T0SIBLING\",\"team\":\"T0SIBLING\"}";
    JsonObject envelope =
        JsonParser.parseString(
                envelopes.message(
                    envelopes.eventId(), ADA, "C0GENERAL", MONDAY_9_BERLIN, fromSibling))
            .getAsJsonObject();
    envelope.addProperty("is_ext_shared_channel", false);
    post(envelope.toString());
    assertThat(running.count("SELECT COUNT(*) FROM work_session")).isEqualTo(1);
  }

  @Test
  void aMeMessageIsActivity() {
    postByAda("{\"subtype\":\"me_message\"}");
    assertThat(running.count("SELECT COUNT(*) FROM activity WHERE kind = 1")).isEqualTo(1);
  }

  @Test
  void anotherAppsPostIsNotActivityWhateverItsSubtype() {
    String[] byApps = {
      "{\"bot_id\":\"B0OTHER\"}",
      "{\"subtype\":\"me_message\",\"bot_id\":\"B0OTHER\"}",
      "{\"subtype\":\"thread_broadcast\",\"bot_id\":\"B0OTHER\",\"thread_ts\":\"1.2\"}",
      "{\"subtype\":\"file_share\",\"bot_id\":\"B0OTHER\",\"files\":[]}"
    };
    for (String extra : byApps) {
      postByAda(extra);
    }
    assertThat(running.count("SELECT COUNT(*) FROM activity")).isZero();
  }

  @Test
  void aFileSharedByAPersonIsActivity() {
    postByAda("{\"subtype\":\"file_share\",\"files\":[]}");
    assertThat(running.count("SELECT COUNT(*) FROM activity")).isEqualTo(1);
  }

  @Test
  void slackbotIsNotAPersonAtWork() {
    post(envelopes.message(envelopes.eventId(), "USLACKBOT", "C0GENERAL", MONDAY_9_BERLIN, null));
    JsonObject mention = new JsonObject();
    mention.addProperty("type", "app_mention");
    mention.addProperty("user", "USLACKBOT");
    mention.addProperty("channel", "C0GENERAL");
    mention.addProperty("text", "reminder");
    mention.addProperty("ts", Envelopes.ts(MONDAY_9_BERLIN.plusSeconds(5)));
    post(envelopes.envelope(envelopes.eventId(), mention, MONDAY_9_BERLIN));
    assertThat(running.count("SELECT COUNT(*) FROM activity")).isZero();
  }

  private void postByAda(String extraJson) {
    post(envelopes.message(envelopes.eventId(), ADA, "C0GENERAL", MONDAY_9_BERLIN, extraJson));
  }

  private void post(String body) {
    assertThat(running.requests.json(body).statusCode()).as(body).isEqualTo(200);
  }
}
