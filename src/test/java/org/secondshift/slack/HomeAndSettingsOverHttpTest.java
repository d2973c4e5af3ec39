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
            Interactions.viewSubmission(
                ADA,
                running.slack.mintTrigger(ADA),
                SettingsModal.CALLBACK_ID,
                Map.of(
                    SettingsModal.QUIET_FROM,
                    Interactions.time(from),
                    SettingsModal.QUIET_TO,
                    Interactions.time(to),
                    SettingsModal.DAILY_LIMIT,
                    Interactions.number(limit),
                    SettingsModal.ZONE,
                    Interactions.picked("static_select", zone),
                    SettingsModal.NUDGES,
                    Interactions.picked("radio_buttons", "on"),
                    SettingsModal.SHARING,
                    Interactions.picked("radio_buttons", "on")))));
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
    JsonObject view = JsonParser.parseString(open.params().get("view")).getAsJsonObject();
    assertThat(view.get("callback_id").getAsString()).isEqualTo(SettingsModal.CALLBACK_ID);
    Map<String, JsonObject> fields = new java.util.HashMap<>();
    view.getAsJsonArray("blocks")
        .forEach(
            b -> {
              JsonObject block = b.getAsJsonObject();
              if (block.has("element")) {
                fields.put(block.get("block_id").getAsString(), block.getAsJsonObject("element"));
              }
            });
    assertThat(fields.get(SettingsModal.QUIET_FROM).get("type").getAsString())
        .isEqualTo("timepicker");
    assertThat(fields.get(SettingsModal.QUIET_FROM).get("initial_time").getAsString())
        .isEqualTo("22:00");
    assertThat(fields.get(SettingsModal.QUIET_TO).get("initial_time").getAsString())
        .isEqualTo("07:00");
    JsonObject limit = fields.get(SettingsModal.DAILY_LIMIT);
    assertThat(limit.get("type").getAsString()).isEqualTo("number_input");
    assertThat(limit.get("is_decimal_allowed").getAsBoolean()).isTrue();
    assertThat(limit.get("min_value").getAsString()).isEqualTo("1");
    assertThat(limit.get("max_value").getAsString()).isEqualTo("16");
    JsonObject zone = fields.get(SettingsModal.ZONE);
    assertThat(zone.get("type").getAsString()).isEqualTo("static_select");
    assertThat(zone.getAsJsonObject("initial_option").get("value").getAsString())
        .isEqualTo("slack");
    assertThat(fields.get(SettingsModal.NUDGES).get("type").getAsString())
        .isEqualTo("radio_buttons");
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
    HttpResponse<String> r = submit("25:00", "07:00", "30", "Mars/Olympus");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
    JsonObject errors = body.getAsJsonObject("errors");
    assertThat(errors.get(SettingsModal.QUIET_FROM).getAsString()).contains("a time like 22:30");
    assertThat(errors.get(SettingsModal.DAILY_LIMIT).getAsString()).contains("from 1 to 16");
    assertThat(errors.get(SettingsModal.ZONE).getAsString()).contains("time zone");
    assertThat(errors.has(SettingsModal.QUIET_TO)).isFalse();
    assertThat(running.count("SELECT COUNT(*) FROM rest_prefs")).isZero();
  }

  @Test
  void theModalAcceptsTwentyTwoThirtyAndItTakesEffectAtOnce() {
    HttpResponse<String> r = submit("22:30", "06:30", "9", "Asia/Tokyo");
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
