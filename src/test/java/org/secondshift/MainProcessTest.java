package org.secondshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.SlackRequests;

/** The bot as its own process: exit codes for bad settings, and kill -9 right after the ack. */
class MainProcessTest {
  @TempDir Path dir;

  @Test
  void badSettingsExitWithCodeTwoAndSayWhatIsWrong() throws Exception {
    Process p =
        launch(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxp-not-a-bot-token",
                "SLACK_SIGNING_SECRET",
                "x",
                "PORT",
                "seventy"));
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err)
        .contains("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
        .contains("PORT must be a number");
  }

  @Test
  void everyAcknowledgedEventSurvivesKillDashNine() throws Exception {
    Clock clock = Clock.systemUTC();
    try (SlackStandIn slack = SlackStandIn.start(clock)) {
      slack.addUser("U0ADA", "ada", "Europe/Berlin");
      int port = freePort();
      Path db = dir.resolve("durable.db");
      Process bot =
          launch(
              Map.of(
                  "SLACK_BOT_TOKEN",
                  "xoxb-test",
                  "SLACK_SIGNING_SECRET",
                  "secret",
                  "SLACK_API_URL",
                  slack.apiUrl(),
                  "PORT",
                  Integer.toString(port),
                  "SECOND_SHIFT_DB",
                  db.toString()));
      try {
        awaitLine(bot, "Second Shift is up");
        SlackRequests requests = new SlackRequests(port, "secret", clock);
        Envelopes envelopes = new Envelopes();
        Instant start = clock.instant().minus(Duration.ofHours(2));
        int acked = 0;
        for (int i = 0; i < 200; i++) {
          if (requests
                  .json(envelopes.message("U0ADA", "C0GENERAL", start.plusSeconds(30L * i)))
                  .statusCode()
              == 200) {
            acked++;
          }
        }
        bot.destroyForcibly();
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acked).isEqualTo(200);
        assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM activity")).isEqualTo(acked);
        assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM work_session")).isEqualTo(1);
      } finally {
        bot.destroyForcibly();
      }
    }
  }

  private static Process launch(Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Dorg.slf4j.simpleLogger.log.org.secondshift=info",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("SECOND_SHIFT_") || k.equals("PORT"));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** Reads the process's output until the line appears; fails after a generous bound. */
  private static void awaitLine(Process p, String needle) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Boolean> seen =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.contains(needle)) {
                    return true;
                  }
                }
                return false;
              } catch (IOException e) {
                return false;
              }
            });
    assertThat(seen.get(60, TimeUnit.SECONDS)).as("bot printed '" + needle + "'").isTrue();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
