package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  @Test
  void helpStartsWithTheThreeMostUsedCommandsAndAGroupShowsInFull() {
    String help = reply(ADA, "help");
    assertThat(help.indexOf("`/shift hours last`"))
        .isLessThan(help.indexOf("`/shift rest quiet 23:00-07:30`"))
        .isLessThan(help.indexOf("*Everything, by group*"));
    assertThat(help).contains("*Captain:* `/shift captain` · `/shift note`");

    String captain = reply(ADA, "help captain");
    assertThat(captain).contains("`/shift captain [setup").contains("`/shift note <text");
    assertThat(captain).doesNotContain("/shift hours");
    assertThat(reply(ADA, "help your data")).contains("/shift export").contains("/shift forget-me");
    assertThat(reply(ADA, "help stop")).contains("/shift stop").contains("/shift start");
  }

  @ParameterizedTest(name = "/shift {0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "hour ; hours",
        "stauts ; status",
        "captian setup ; captain",
        "help captian ; captain",
        "forget ; forget-me"
      })
  void aTypoAsksWhetherTheNearestCommandWasMeant(String text, String meant) {
    JsonObject reply = shift(ADA, text);
    assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(reply.get("text").getAsString())
        .startsWith(":warning:")
        .contains("Did you mean `/shift " + meant + "`?")
        .doesNotContain("Usage:");
  }

  @Test
  void aWordFarFromEveryCommandIsNotGuessedAt() {
    assertThat(reply(ADA, "xylophone"))
        .contains("`xylophone` is not a /shift command. `/shift help` lists them.")
        .doesNotContain("Did you mean");
  }

  @ParameterizedTest(name = "/shift {0} → {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "hours next-tuesday ; /shift hours [last | 2026-11-23] [@someone]",
        "hours 2026-W99 ; /shift hours [last | 2026-11-23] [@someone]",
        "hours last 2026-W40 ; /shift hours [last | 2026-11-23] [@someone]",
        "hours @nobody ; /shift hours [last | 2026-11-23] [@someone]",
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
        .contains("Your hours in the week of 23 Nov");
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
        .contains("the week of 23 Nov")
        .contains("Total *0 min*");
    assertThat(shift(ADA, "hours last").get("text").getAsString())
        .contains("the week of 16 Nov")
        .contains("Total *10 min*");
    // Any day names its week; the ISO week id still works for those who type it.
    for (String week : List.of("2026-11-19", "2026-11-16", "2026-W47", "2026-w47")) {
      assertThat(shift(ADA, "hours " + week).get("text").getAsString())
          .as(week)
          .contains("the week of 16 Nov")
          .contains("Total *10 min*");
    }
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
