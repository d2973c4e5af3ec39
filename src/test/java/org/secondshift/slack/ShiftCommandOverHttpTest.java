package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secondshift.testing.BotOverHttp;

/** {@code /shift} through real HTTP: help, usage errors, manual sessions, status, privacy. */
class ShiftCommandOverHttpTest extends BotOverHttp {
  private static final String ADA = "U0ADA";
  private static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");

  ShiftCommandOverHttpTest() {
    super(MORNING, person(ADA, "ada"), person("U0BOB", "bob", "America/Los_Angeles"));
  }

  @ParameterizedTest(name = "/shift {0}")
  @CsvSource(
      delimiter = '|',
      value = {"''", "help", "HELP"})
  void helpListsEverySubcommand(String text) {
    JsonObject reply = shift(ADA, text);
    assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(reply.get("text").getAsString())
        .contains("/shift hours")
        .contains("/shift status")
        .contains("/shift start")
        .contains("/shift stop")
        .contains("/shift help");
  }

  @ParameterizedTest(name = "/shift {0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "hour ; /shift hours [last | 2026-W48] [@someone]",
        "stauts ; /shift status",
        "hours next-tuesday ; /shift hours [last | 2026-W48] [@someone]",
        "hours 2026-W99 ; /shift hours [last | 2026-W48] [@someone]",
        "hours last 2026-W40 ; /shift hours [last | 2026-W48] [@someone]",
        "hours @nobody ; /shift hours [last | 2026-W48] [@someone]",
        "status now ; /shift status",
        "stop please ; /shift stop"
      })
  void nonsenseGetsOneLineAndTheRightUsage(String text, String usage) {
    JsonObject reply = shift(ADA, text);
    assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(reply.get("text").getAsString())
        .startsWith(":warning:")
        .contains("Usage: `" + usage + "`");
  }

  @Test
  void someoneElsesHoursStayPrivateUntilTheyShare() {
    for (String mention : new String[] {"<@U0BOB|bob>", "<@U0BOB>"}) {
      JsonObject reply = shift(ADA, "hours " + mention);
      assertThat(reply.get("text").getAsString()).contains("<@U0BOB> has not chosen to share");
    }
  }

  @Test
  void mentioningYourselfShowsYourOwnHours() {
    assertThat(shift(ADA, "hours <@U0ADA|ada>").get("text").getAsString())
        .contains("Your hours in 2026-W48");
  }

  @Test
  void aManualSessionCountsFromStartToStop() {
    assertThat(shift(ADA, "start watching the eval run").get("text").getAsString())
        .contains("watching the eval run");
    assertThat(shift(ADA, "start").get("text").getAsString()).contains("already running");
    running.clock.advance(Duration.ofMinutes(95));

    assertThat(shift(ADA, "status").get("text").getAsString())
        .contains("Today so far:* 1 h 35 min")
        .contains("Manual session* open since 09:00");
    assertThat(shift(ADA, "stop").get("text").getAsString()).contains("Logged 1 h 35 min");
    assertThat(shift(ADA, "stop").get("text").getAsString())
        .contains("No manual session is running");
    assertThat(shift(ADA, "hours").get("text").getAsString()).contains("Total *1 h 35 min*");
  }

  @Test
  void lastWeekAndANamedWeekAreTheirOwnWeeks() {
    running.requests.json(
        envelopes.message(ADA, "C0GENERAL", Instant.parse("2026-11-17T10:00:00Z")));
    assertThat(shift(ADA, "hours").get("text").getAsString())
        .contains("2026-W48")
        .contains("Total *0 min*");
    assertThat(shift(ADA, "hours last").get("text").getAsString())
        .contains("2026-W47")
        .contains("Total *10 min*");
    assertThat(shift(ADA, "hours 2026-W47").get("text").getAsString()).contains("Total *10 min*");
  }

  @Test
  void statusShowsTheRunningSession() {
    running.requests.json(envelopes.message(ADA, "C0GENERAL", MORNING));
    running.requests.json(
        envelopes.message(ADA, "C0GENERAL", MORNING.plus(Duration.ofMinutes(25))));
    running.clock.set(MORNING.plus(Duration.ofMinutes(30)));
    String text = shift(ADA, "status").get("text").getAsString();
    assertThat(text).contains("Current session:* 30 min").contains("Today so far:* 30 min");
  }

  @Test
  void tooLongANoteIsRefusedAndNothingStarts() {
    JsonObject reply = shift(ADA, "start " + "x".repeat(201));
    assertThat(reply.get("text").getAsString()).startsWith(":warning:");
    assertThat(running.count("SELECT COUNT(*) FROM manual_session")).isZero();
  }
}
