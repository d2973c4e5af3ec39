package org.secondshift.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secondshift.testing.RunningSandbox.json;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.testing.RunningSandbox;

/** Reset deletes the database and reloads the seed, on the same port. */
class SandboxResetTest {
  @TempDir Path dir;

  @Test
  void resetForgetsWhatHappenedSinceTheStartAndKeepsThePort() throws Exception {
    try (RunningSandbox running = RunningSandbox.start(dir)) {
      long seeded = running.count("SELECT COUNT(*) FROM activity");
      int port = running.sandbox.port();
      running.post(
          "sandbox/api/message",
          "{\"user\":\"U0TOM\",\"channel\":\"C0EVALS\",\"text\":\"back early\"}");
      running.post(
          "sandbox/api/command",
          "{\"user\":\"U0TOM\",\"channel\":\"C0EVALS\",\"text\":\"/shift start\"}");
      assertThat(running.count("SELECT COUNT(*) FROM activity")).isEqualTo(seeded + 1);
      assertThat(running.count("SELECT COUNT(*) FROM manual_session")).isEqualTo(1);

      running.sandbox.reset();

      assertThat(running.sandbox.port()).isEqualTo(port);
      assertThat(running.count("SELECT COUNT(*) FROM activity")).isEqualTo(seeded);
      assertThat(running.count("SELECT COUNT(*) FROM manual_session")).isZero();
      assertThat(running.get("sandbox/api/conversation?id=C0EVALS").body())
          .doesNotContain("back early");
      assertThat(json(running.get("sandbox/api/workspace")).get("generation").getAsInt())
          .isEqualTo(2);
    }
  }

  @Test
  void startingAgainWithoutResetKeepsTheDatabase() throws Exception {
    long afterFirst;
    try (RunningSandbox first = RunningSandbox.start(dir)) {
      first.post(
          "sandbox/api/message", "{\"user\":\"U0TOM\",\"channel\":\"C0EVALS\",\"text\":\"hello\"}");
      afterFirst = first.count("SELECT COUNT(*) FROM activity");
    }
    try (RunningSandbox again = RunningSandbox.startKeeping(dir)) {
      assertThat(again.count("SELECT COUNT(*) FROM activity")).isEqualTo(afterFirst);
    }
  }

  @Test
  void aRestartKeepsTheConversationsAsSlackWouldAndAResetClearsThem() throws Exception {
    String evals;
    String maya;
    int chartFiles;
    try (RunningSandbox first = RunningSandbox.start(dir)) {
      first.post(
          "sandbox/api/message",
          "{\"user\":\"U0TOM\",\"channel\":\"C0EVALS\",\"text\":\"back from leave\"}");
      // The bot's first posts (the summary with its chart, Maya's nudge) are out before the stop.
      first.deliverUntil(
          () -> first.sandbox.slack().uploads().stream().anyMatch(f -> f.sharedIn("C0EVALS")));
      first.awaitBotMessage("DU0MAYA");
      first.post(
          "sandbox/api/command",
          "{\"user\":\"U0MAYA\",\"channel\":\"C0RANDOM\",\"text\":\"/invite @Second Shift\"}");
      evals = first.get("sandbox/api/conversation?id=C0EVALS").body();
      maya = first.get("sandbox/api/conversation?id=DU0MAYA").body();
      chartFiles = shared(first);
    }
    try (RunningSandbox again = RunningSandbox.startKeeping(dir)) {
      assertThat(again.get("sandbox/api/conversation?id=C0EVALS").body())
          .contains("back from leave")
          .isEqualTo(evals);
      assertThat(again.get("sandbox/api/conversation?id=DU0MAYA").body()).isEqualTo(maya);
      assertThat(shared(again)).isEqualTo(chartFiles).isPositive();
      assertThat(again.sandbox.slack().botIsIn("C0RANDOM")).isTrue();
      // Messages posted now come after the kept ones.
      again.post(
          "sandbox/api/message",
          "{\"user\":\"U0TOM\",\"channel\":\"C0EVALS\",\"text\":\"and now\"}");
      var kept = again.sandbox.slack().messages("C0EVALS");
      assertThat(kept.get(kept.size() - 1).text()).isEqualTo("and now");

      again.sandbox.reset();
      assertThat(again.get("sandbox/api/conversation?id=C0EVALS").body())
          .doesNotContain("back from leave");
      assertThat(again.sandbox.slack().botIsIn("C0RANDOM")).isFalse();
    }
  }

  private static int shared(RunningSandbox running) {
    return (int) running.sandbox.slack().uploads().stream().filter(f -> f.completed()).count();
  }
}
