package org.secondshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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
import org.secondshift.store.Database;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.LaterRelease;
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
  void aTokenSlackRefusesStopsWithOneLineAndExitCodeTwo() throws Exception {
    try (SlackStandIn slack = SlackStandIn.start(Clock.systemUTC())) {
      slack.refuseToken("xoxb-revoked");
      Finished run =
          finish(
              launchApart(
                  Map.of(
                      "SLACK_BOT_TOKEN", "xoxb-revoked",
                      "SLACK_SIGNING_SECRET", "secret",
                      "SLACK_API_URL", slack.apiUrl(),
                      "PORT", Integer.toString(freePort()),
                      "SECOND_SHIFT_DB", dir.resolve("refused.db").toString())));

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().lines())
          .containsOnlyOnce(
              "Second Shift cannot start: Slack refused SLACK_BOT_TOKEN (invalid_auth): set the"
                  + " Bot User OAuth Token (xoxb-…) of the installed app.");
      assertThat(run.err()).doesNotContain("Exception", "\tat ");
      assertThat(run.out() + run.err()).doesNotContain("is up");
    }
  }

  @Test
  void aDatabaseANewerReleaseUpgradedStopsWithOneLineAndExitCodeTwo() throws Exception {
    Path file = dir.resolve("newer.db");
    try (Database db = Database.open(file)) {
      LaterRelease.migrated(db);
    }
    try (SlackStandIn slack = SlackStandIn.start(Clock.systemUTC())) {
      Finished run =
          finish(
              launchApart(
                  Map.of(
                      "SLACK_BOT_TOKEN", "xoxb-test",
                      "SLACK_SIGNING_SECRET", "secret",
                      "SLACK_API_URL", slack.apiUrl(),
                      "PORT", Integer.toString(freePort()),
                      "SECOND_SHIFT_DB", file.toString())));

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().lines().filter(l -> l.startsWith("Second Shift cannot start:")))
          .singleElement()
          .asString()
          .contains("has schema version 900, newer than this release of Second Shift knows");
      assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void aBusyPortStopsWithOneLineAndExitCodeTwo() throws Exception {
    try (SlackStandIn slack = SlackStandIn.start(Clock.systemUTC());
        ServerSocket taken = new ServerSocket(0)) {
      Finished run =
          finish(
              launchApart(
                  Map.of(
                      "SLACK_BOT_TOKEN", "xoxb-test",
                      "SLACK_SIGNING_SECRET", "secret",
                      "SLACK_API_URL", slack.apiUrl(),
                      "PORT", Integer.toString(taken.getLocalPort()),
                      "SECOND_SHIFT_DB", dir.resolve("busy.db").toString())));

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err().lines())
          .containsOnlyOnce(
              "Second Shift cannot start: port "
                  + taken.getLocalPort()
                  + " is in use — is another Second Shift running? Set PORT.");
      assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void anUnreachableSlackIsWaitedForAndTheBotComesUpOnceItAnswers() throws Exception {
    int slackPort = freePort();
    Process bot =
        launch(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-test",
                "SLACK_SIGNING_SECRET",
                "secret",
                "SLACK_API_URL",
                "http://127.0.0.1:" + slackPort + "/api/",
                "PORT",
                Integer.toString(freePort()),
                "SECOND_SHIFT_DB",
                dir.resolve("patient.db").toString()));
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
      awaitLine(out, "asking again in 1 s (attempt 1)");
      assertThat(bot.isAlive()).isTrue();
      try (SlackStandIn slack = SlackStandIn.start(Clock.systemUTC(), slackPort)) {
        awaitLine(out, "Second Shift is up");
        assertThat(slack.calls("auth.test")).isNotEmpty();
      }
    } finally {
      bot.destroyForcibly();
      bot.waitFor(30, TimeUnit.SECONDS);
    }
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
        SlackRequests requests = new SlackRequests(port, "secret", clock, slack);
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
    return builder(env).redirectErrorStream(true).start();
  }

  /** As {@link #launch}, with standard error apart from standard output. */
  private static Process launchApart(Map<String, String> env) throws IOException {
    return builder(env).start();
  }

  private static ProcessBuilder builder(Map<String, String> env) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Dorg.slf4j.simpleLogger.log.org.secondshift=info",
            "-Dsun.stdout.encoding=UTF-8",
            "-Dsun.stderr.encoding=UTF-8",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName());
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("SECOND_SHIFT_") || k.equals("PORT"));
    pb.environment().putAll(env);
    return pb;
  }

  /** How a process that was expected to stop by itself ended. */
  private record Finished(int exit, String out, String err) {}

  private static Finished finish(Process p) throws Exception {
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
    try {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process stopped by itself").isTrue();
      return new Finished(
          p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
  }

  private static String drain(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Reads the process's output until the line appears; fails after a generous bound. */
  private static void awaitLine(Process p, String needle) throws Exception {
    awaitLine(
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
        needle);
  }

  private static void awaitLine(BufferedReader out, String needle) throws Exception {
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
