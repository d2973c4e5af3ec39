package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secondshift.sandbox.Ephemeral;
import org.secondshift.testing.BotOverHttp;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Interactions;

/**
 * Export and erasure through real HTTP, on each database: two tables by DM, and nothing left after
 * forget-me (on SQLite, not even in the file's free pages).
 */
class DataRightsOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String ADA = "U0ADA";
  private static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");

  DataRightsOverHttpTest() {
    super(MORNING, "C0TEAM", person(ADA, "ada", "Asia/Kolkata"), person("U0BO", "bo"));
  }

  @BeforeEach
  void twoHoursOfWorkEach() {
    for (int i = 0; i < 6; i++) {
      running.requests.json(
          envelopes.message(ADA, "C0TEAM", MORNING.plus(Duration.ofMinutes(20L * i))));
      running.requests.json(
          envelopes.message("U0BO", "C0TEAM", MORNING.plus(Duration.ofMinutes(20L * i))));
    }
  }

  @Test
  void exportSendsTwoReadableTablesInAZipByDirectMessage() throws Exception {
    shift(ADA, "start eval run");
    running.clock.advance(Duration.ofHours(3));
    shift(ADA, "stop");

    assertThat(shift(ADA, "export").get("text").getAsString())
        .contains("a zip with your hours and your nudges");
    running.bot.parts().outbox().wake();
    running.slack.awaitCalls("files.completeUploadExternal", 1, Duration.ofSeconds(10));

    var file = running.slack.uploads().get(0);
    assertThat(running.slack.uploads()).hasSize(1);
    assertThat(file.channelId()).isEqualTo("DU0ADA");
    assertThat(file.filename()).isEqualTo("second-shift-2026-11-24.zip");
    assertThat(file.initialComment())
        .contains("hours.csv has each stretch of work")
        .contains("nudges.csv has each rest nudge")
        .contains("Kolkata time")
        .doesNotContain("Asia/");
    Map<String, String> tables = unzip(file.bytes());
    assertThat(tables).containsOnlyKeys("hours.csv", "nudges.csv");
    // Kolkata is UTC+5:30: 08:00 UTC is 13:30 there, written with its offset and no milliseconds.
    assertThat(tables.get("hours.csv"))
        .startsWith("What,Started,Ended,Minutes\r\n")
        .contains("Active in Slack,2026-11-24T13:30:00+05:30,2026-11-24T15:20:00+05:30,110\r\n")
        .contains(
            "Logged with /shift start,2026-11-24T13:30:00+05:30,2026-11-24T16:30:00+05:30,180\r\n")
        .doesNotContain("Z,")
        .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d");
    assertThat(tables.get("nudges.csv"))
        .isEqualTo("Nudge,Sent,For the day,Your answer,Answered\r\n");
  }

  private static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> tables = new java.util.LinkedHashMap<>();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        tables.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return tables;
  }

  @Test
  void forgetMeAsksFirstThenLeavesNoRowWithTheirId() throws Exception {
    shift(ADA, "share on");
    shift(ADA, "start");
    shift(ADA, "summary weekly on fri 17:00");
    shift(ADA, "rest quiet 23:00-07:00");
    assertThat(
            shift(ADA, "captain setup <@U0ADA> <@U0BO> every 12h at 09:00")
                .get("text")
                .getAsString())
        .doesNotStartWith(":warning:");
    // Two setups waiting for a Replace click: one by them, one naming them.
    shift(ADA, "captain setup <@U0BO> <@U0ADA> daily at 10:00");
    shift("U0BO", "captain setup <@U0BO> <@U0ADA> weekly at 08:00");
    assertThat(running.count("SELECT COUNT(*) FROM pending_setup")).isEqualTo(2);
    shift("U0BO", "note <@U0ADA> asked to watch the loss curve");
    running.bot.parts().rotations().performDue(MORNING.plus(Duration.ofHours(2)));
    JsonObject ask = shift(ADA, "forget-me");
    assertThat(ask.get("blocks").toString())
        .contains("forget_me_confirm")
        .contains("Yes, forget me");
    assertThat(rowsMentioning(ADA)).isNotEmpty();
    Ephemeral question =
        running.slack.showEphemeral(
            "C0TEAM", ADA, ask.get("text").getAsString(), ask.get("blocks").toString());
    String responseUrl = running.slack.responseUrl("C0TEAM", ADA, question.ts());

    for (int click = 0; click < 2; click++) {
      var response =
          running.requests.form(
              Map.of(
                  "payload",
                  Interactions.buttonClick(
                      ADA,
                      running.slack.mintTrigger(ADA),
                      "C0TEAM",
                      question.ts(),
                      "forget_me_confirm",
                      "confirm",
                      true,
                      responseUrl)));
      assertThat(response.statusCode()).isEqualTo(200);
      running.slack.awaitResponses(click + 1, Duration.ofSeconds(10));
    }
    assertThat(running.slack.ephemerals("C0TEAM", ADA))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.text()).contains("Your data is erased");
              assertThat(e.blocksJson()).isNull();
            });

    running.bot.parts().outbox().wake();
    running.slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10));
    assertThat(running.slack.messages("DU0ADA"))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("has been deleted"));
    // The farewell row goes in the drain that sends it; once a drain after Slack's answer is over,
    // it is gone.
    running.bot.parts().outbox().drainAndWait(Duration.ofSeconds(10));
    assertThat(rowsMentioning(ADA)).isEmpty();
    assertThat(rowsMentioning("U0BO")).isNotEmpty();
    running.close();
    if (running.database != null) {
      byte[] file = Files.readAllBytes(running.database);
      assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(ADA);
    }
    running = start(dir.resolve("after"), MORNING);
  }

  /** Every (table, column) holding {@code text} anywhere in the bot's database. */
  private List<String> rowsMentioning(String text) {
    return DbPeek.columnsContaining(running.location, text);
  }
}
