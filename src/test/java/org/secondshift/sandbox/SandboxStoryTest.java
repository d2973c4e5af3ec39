package org.secondshift.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secondshift.testing.RunningSandbox.NOW;
import static org.secondshift.testing.RunningSandbox.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.captain.Overview;
import org.secondshift.schedule.HandoffTriggers;
import org.secondshift.testing.RunningSandbox;

/**
 * The shipped seed tells the product's story as soon as the sandbox is up: a captain on watch, a
 * handoff minutes away, a tired teammate nudged, a late-night one told who holds the watch, last
 * week's summary and its chart in the summary channel.
 */
class SandboxStoryTest {
  private static final String TEAM = "T0SANDBOX";

  @TempDir Path dir;

  @Test
  void atStartACaptainHoldsTheWatchAndTheNextHandoffIsFourMinutesAway() throws Exception {
    try (RunningSandbox running = RunningSandbox.start(dir)) {
      Overview overview =
          running.bot().parts().rotations().overview(TEAM, "C0TRAIN", 2, NOW).orElseThrow();

      assertThat(overview.current())
          .hasValueSatisfying(s -> assertThat(s.captain()).isEqualTo("U0LENA"));
      assertThat(overview.ahead().get(0).start()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
      assertThat(overview.ahead().get(0).captain()).isEqualTo("U0RAVI");
      // The bot's own Quartz trigger is what performs it.
      String trigger = HandoffTriggers.names(TEAM, "C0TRAIN").get(0);
      assertThat(running.bot().parts().schedules().fireTimesAfter(trigger, NOW, 1))
          .containsExactly(NOW.plus(Duration.ofMinutes(4)));

      // The plan says who holds the watch now; the first handoff post is Ravi's, four minutes on.
      running.deliverUntil(() -> botTexts(running, "C0TRAIN").size() >= 1);
      assertThat(botTexts(running, "C0TRAIN"))
          .singleElement()
          .satisfies(
              plan ->
                  assertThat(plan)
                      .contains("<@U0LENA> set up the captain rotation")
                      .contains("every 12 h")
                      .contains("<@U0LENA> holds the watch now, until"));
    }
  }

  @Test
  void theTiredTeammateAndTheLateNightOneGetTheirNudgesAtOnce() throws Exception {
    try (RunningSandbox running = RunningSandbox.start(dir)) {
      // The first periodic check runs as the bot starts; whichever check comes first, each is
      // nudged once.
      running.bot().parts().nudges().checkAll(NOW);
      assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE user_id = 'U0MAYA'")).isEqualTo(1);
      assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE user_id = 'U0KENJI'"))
          .isEqualTo(1);

      running.deliverUntil(
          () ->
              !botTexts(running, "DU0MAYA").isEmpty() && !botTexts(running, "DU0KENJI").isEmpty());
      assertThat(botTexts(running, "DU0MAYA"))
          .singleElement()
          .asString()
          .contains("3 h 40 min without a break");
      assertThat(running.sandbox.slack().messages("DU0MAYA").get(0).blocksJson())
          .contains("Snooze 1 h");
      assertThat(botTexts(running, "DU0KENJI"))
          .singleElement()
          .asString()
          .contains("<@U0LENA> holds the watch in <#C0TRAIN>");
      assertThat(running.count("SELECT COUNT(*) FROM nudge WHERE user_id = 'U0TOM'")).isZero();
    }
  }

  @Test
  void lastWeeksSummaryAndItsChartAreInTheSummaryChannelOnThePage() throws Exception {
    try (RunningSandbox running = RunningSandbox.start(dir)) {
      running.deliverUntil(
          () -> running.sandbox.slack().uploads().stream().anyMatch(f -> f.sharedIn("C0EVALS")));

      JsonObject page = json(running.get("sandbox/api/conversation?id=C0EVALS"));
      List<JsonObject> fromBot =
          page.getAsJsonArray("messages").asList().stream()
              .map(JsonElement::getAsJsonObject)
              .filter(m -> m.get("user").getAsString().equals(running.sandbox.slack().botUserId()))
              .toList();
      assertThat(fromBot).hasSize(2);
      // Three weeks of seeded history: the week before last was seen in full, so it is compared.
      assertThat(fromBot.get(0).get("blocks").toString())
          .contains("vs last week")
          .doesNotContain("first full week");
      JsonObject chart = fromBot.get(1);
      JsonObject image = chart.getAsJsonArray("blocks").get(0).getAsJsonObject();
      assertThat(image.get("type").getAsString()).isEqualTo("image");
      assertThat(image.get("alt_text").getAsString())
          .startsWith("Team hours per day, the week of 16 Nov");
      assertThat(json(running.get("sandbox/api/latest")).get("C0EVALS").getAsString())
          .isEqualTo(chart.get("ts").getAsString());

      HttpResponse<byte[]> png =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              running.url() + image.get("image_url").getAsString().substring(1)))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(png.statusCode()).isEqualTo(200);
      assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      assertThat(running.get("sandbox/api/file?id=F99999999").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theSeededSettingsAreTheTeammatesOwnChoices() throws Exception {
    try (RunningSandbox running = RunningSandbox.start(dir)) {
      assertThat(running.bot().parts().summaries().isSharing(TEAM, "U0LENA")).isTrue();
      assertThat(running.bot().parts().summaries().isSharing(TEAM, "U0MAYA")).isFalse();
      LocalDate todayInLondon = LocalDate.ofInstant(NOW, ZoneId.of("Europe/London"));
      assertThat(running.bot().parts().restPreferences().prefs(TEAM, "U0TOM").pausedUntil())
          .hasValue(todayInLondon.plusDays(7));
      assertThat(running.bot().parts().restPreferences().prefs(TEAM, "U0KENJI").quiet())
          .hasValueSatisfying(q -> assertThat(q.toString()).isEqualTo("22:00\u201307:00"));
    }
  }

  @Test
  void theHandoffComesOnceWhenItsTimeArrives() throws Exception {
    try (RunningSandbox running = RunningSandbox.start(dir)) {
      running.deliverUntil(() -> botTexts(running, "C0TRAIN").size() >= 1);
      running.clock.set(NOW.plus(Duration.ofMinutes(4)));

      assertThat(running.bot().parts().rotations().performDue(running.clock.instant()))
          .isEqualTo(1);
      assertThat(running.bot().parts().rotations().performDue(running.clock.instant())).isZero();

      running.deliverUntil(() -> botTexts(running, "C0TRAIN").size() >= 2);
      assertThat(botTexts(running, "C0TRAIN"))
          .filteredOn(t -> t.contains("now holds the watch"))
          .singleElement()
          .satisfies(
              handoff ->
                  assertThat(handoff)
                      .contains("<@U0RAVI> now holds the watch")
                      .contains("<@U0LENA> is off duty"));
    }
  }

  @Test
  void aRestartWithoutResetKeepsTheStoryAndDoesNotTellItTwice() throws Exception {
    try (RunningSandbox first = RunningSandbox.start(dir)) {
      first.deliverUntil(
          () -> first.sandbox.slack().uploads().stream().anyMatch(f -> f.sharedIn("C0EVALS")));
    }
    try (RunningSandbox again = RunningSandbox.startKeeping(dir)) {
      assertThat(again.count("SELECT COUNT(*) FROM rotation")).isEqualTo(1);
      assertThat(again.count("SELECT COUNT(*) FROM summary_post")).isEqualTo(1);
      assertThat(
              again.count(
                  "SELECT COUNT(*) FROM outbox WHERE kind IN ('captain-plan', 'handoff', 'summary')"))
          .isEqualTo(2);
    }
  }

  private static List<String> botTexts(RunningSandbox running, String channel) {
    return running.sandbox.slack().messages(channel).stream()
        .filter(PostedMessage::fromBot)
        .map(PostedMessage::text)
        .toList();
  }
}
