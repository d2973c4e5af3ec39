package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secondshift.slack.home.HomeView;
import org.secondshift.slack.home.SettingsModal;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.Interactions;

/** Home on app_home_opened, the Settings modal, and its validation, through real HTTP. */
class HomeAndSettingsOverHttpTest extends BotOverHttp {
  private static final String ADA = "U0ADA";
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(10);

  HomeAndSettingsOverHttpTest() {
    super(NOW, "C0TEAM", person(ADA, "ada"));
  }

  @BeforeEach
  void anHourAndAHalfOfWork() {
    for (int i = 0; i < 5; i++) {
      running.requests.json(
          envelopes.message(ADA, "C0TEAM", NOW.minus(Duration.ofMinutes(100 - 20L * i))));
    }
  }

  private void openHome() {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", ADA);
    event.addProperty("channel", "D0HOME");
    event.addProperty("tab", "home");
    event.addProperty("event_ts", Envelopes.ts(NOW));
    assertThat(
            running.requests.json(envelopes.envelope(envelopes.eventId(), event, NOW)).statusCode())
        .isEqualTo(200);
  }

  /** Clicks Settings with a trigger the stand-in just minted; returns that trigger. */
  private String clickSettings() {
    String trigger = running.slack.mintTrigger(ADA);
    clickSettings(trigger);
    return trigger;
  }

  private void clickSettings(String trigger) {
    var click =
        running.requests.form(
            Map.of(
                "payload",
                Interactions.buttonClick(
                    ADA,
                    trigger,
                    "D0HOME",
                    "1795000000.000100",
                    HomeView.OPEN_SETTINGS,
                    "open",
                    false,
                    running.slack.responseUrl("D0HOME", ADA, null))));
    assertThat(click.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> submit(String from, String to, String limit, String zone) {
    return running.requests.form(
        Map.of(
            "payload",
            Interactions.settingsSubmission(
                ADA,
                running.slack.mintTrigger(ADA),
                SettingsModal.CALLBACK_ID,
                Map.of(
                    SettingsModal.QUIET_FROM,
                    from,
                    SettingsModal.QUIET_TO,
                    to,
                    SettingsModal.DAILY_LIMIT,
                    limit,
                    SettingsModal.ZONE,
                    zone),
                Map.of(SettingsModal.NUDGES, "on", SettingsModal.SHARING, "on"))));
  }

  @Test
  void openingHomePublishesTheWeekAndASettingsButton() {
    openHome();
    running.slack.awaitCalls("views.publish", 1, WAIT);
    assertThat(running.slack.homeView(ADA))
        .hasValueSatisfying(
            view ->
                assertThat(view)
                    .contains("Your week · the week of 23 Nov")
                    .contains("1 h 30 min")
                    .contains("Right now")
                    .contains("Last day off")
                    .contains("You are in no rotation")
                    .contains(HomeView.OPEN_SETTINGS));
  }

  @Test
  void theSettingsButtonOpensTheModalWithTheCurrentChoices() {
    String trigger = clickSettings();
    var open = running.slack.awaitCalls("views.open", 1, WAIT).get(0);
    assertThat(open.params().get("trigger_id")).isEqualTo(trigger);
    assertThat(open.answeredOk()).isTrue();
    assertThat(open.params().get("view"))
        .contains(SettingsModal.CALLBACK_ID)
        .contains("22:00")
        .contains("07:00");
  }

  @Test
  void theModalOpensPromptlyWhileTheBackgroundThreadsAreBusy() {
    CountDownLatch release = new CountDownLatch(1);
    running.slack.hold("views.publish", release);
    try {
      // Three Home refreshes stuck in a slow views.publish: more than the background threads.
      for (int i = 0; i < 3; i++) {
        openHome();
      }
      clickSettings();

      assertThat(running.slack.awaitCalls("views.open", 1, Duration.ofSeconds(2)))
          .singleElement()
          .satisfies(c -> assertThat(c.params().get("view")).contains(SettingsModal.CALLBACK_ID))
          // The stand-in holds the trigger to Slack's three seconds of real time: the modal opened
          // in time, not merely the call was made.
          .satisfies(c -> assertThat(c.answeredError()).isEmpty())
          .satisfies(c -> assertThat(c.answeredOk()).isTrue());
      assertThat(running.slack.calls("views.publish")).isEmpty();
    } finally {
      release.countDown();
    }
  }

  @Test
  void aClickWhoseTriggerRanOutOpensNothingAndTheNextClickDoes() {
    String trigger = running.slack.mintTrigger(ADA);
    // As if the click had waited somewhere past Slack's three seconds.
    running.ticker.advance(Duration.ofSeconds(4));
    clickSettings(trigger);

    assertThat(running.slack.awaitCalls("views.open", 1, WAIT))
        .singleElement()
        .satisfies(c -> assertThat(c.answeredError()).hasValue("expired_trigger_id"));
    assertThat(running.slack.openedViews()).isEmpty();
    // A fresh click still opens the modal.
    clickSettings();
    assertThat(running.slack.awaitCalls("views.open", 2, WAIT).get(1).answeredOk()).isTrue();
  }

  @Test
  void theModalRejectsTwentyFiveOClockFieldByFieldAndChangesNothing() {
    HttpResponse<String> r = submit("25:00", "07:00", "30h", "Mars/Olympus");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
    JsonObject errors = body.getAsJsonObject("errors");
    assertThat(errors.get(SettingsModal.QUIET_FROM).getAsString()).contains("24-hour time");
    assertThat(errors.get(SettingsModal.DAILY_LIMIT).getAsString()).contains("between 1h and 16h");
    assertThat(errors.get(SettingsModal.ZONE).getAsString()).contains("time zone");
    assertThat(errors.has(SettingsModal.QUIET_TO)).isFalse();
    assertThat(running.count("SELECT COUNT(*) FROM rest_prefs")).isZero();
  }

  @Test
  void theModalAcceptsTwentyTwoThirtyAndItTakesEffectAtOnce() {
    HttpResponse<String> r = submit("22:30", "06:30", "9h", "Asia/Tokyo");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(
            running.count(
                "SELECT COUNT(*) FROM rest_prefs WHERE quiet_from = '22:30' AND quiet_to = '06:30'"
                    + " AND daily_limit_min = 540"))
        .isEqualTo(1);
    assertThat(running.count("SELECT share_name FROM person WHERE user_id = 'U0ADA'")).isEqualTo(1);
    // The Home refreshes, now in the zone chosen in the modal.
    running.slack.awaitCalls("views.publish", 1, WAIT);
    assertThat(running.slack.homeView(ADA))
        .hasValueSatisfying(
            view ->
                assertThat(view)
                    .contains("on Tokyo time")
                    .contains("quiet hours 22:30–06:30")
                    .contains("daily limit 9 h")
                    .contains("sharing on"));
    String hours = reply(ADA, "rest");
    assertThat(hours).contains("22:30");
  }
}
