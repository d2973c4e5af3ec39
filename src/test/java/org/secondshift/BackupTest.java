package org.secondshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.store.Database;
import org.secondshift.testing.BotProcess;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SlackRequests;

/**
 * {@code java -jar second-shift.jar backup FILE} while the bot runs and records: a copy that passes
 * SQLite's check and that a bot starts on with every event acknowledged before it.
 */
class BackupTest {
  private static final String SECRET = "backup-secret";
  private static final Clock CLOCK = Clock.systemUTC();
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aCopyMadeWhileTheBotRecordsHoldsEveryEventAcknowledgedBeforeItAndOpensInABot()
      throws Exception {
    Path db = dir.resolve("live.db");
    Path copy = dir.resolve("copy.db");
    try (SlackStandIn slack = RunningBot.withTestChannels(SlackStandIn.start(CLOCK));
        BotProcess bot = BotProcess.start(env(slack, db)).awaitUp()) {
      slack.addUser("U0ADA", "ada", "UTC");
      SlackRequests requests = new SlackRequests(bot.port(), SECRET, CLOCK, slack).within(WAIT);
      Envelopes envelopes = new Envelopes();
      Instant start = CLOCK.instant().minus(Duration.ofHours(3));
      for (int i = 0; i < 150; i++) {
        String event = envelopes.message("U0ADA", "C0GENERAL", start.plusSeconds(20L * i));
        assertThat(requests.json(event).statusCode()).isEqualTo(200);
      }

      Process backup = backup(env(slack, db), copy.toString());
      // The bot goes on recording while the copy is made.
      for (int i = 150; i < 300; i++) {
        String event = envelopes.message("U0ADA", "C0GENERAL", start.plusSeconds(20L * i));
        assertThat(requests.json(event).statusCode()).isEqualTo(200);
      }
      Ran ran = finish(backup);

      assertThat(ran.exit()).as(ran.err()).isZero();
      assertThat(ran.out()).contains("Backed up").contains("checked");
      long copied = DbPeek.count(copy, "SELECT COUNT(*) FROM activity");
      assertThat(copied).isBetween(150L, 300L);
      assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM activity")).isEqualTo(300);
    }
    // The copy is a database a bot starts on.
    try (SlackStandIn slack = RunningBot.withTestChannels(SlackStandIn.start(CLOCK));
        BotProcess restored = BotProcess.start(env(slack, copy)).awaitUp()) {
      assertThat(restored.output()).contains("Second Shift is up").doesNotContain("Exception");
    }
  }

  @Test
  void aMissingFileAnExistingOneOrPostgresAreOneLineAndExitCodeTwo() throws Exception {
    Path db = dir.resolve("live.db");
    try (SlackStandIn slack = SlackStandIn.start(CLOCK)) {
      Database.open(db).close();
      Ran usage = finish(backup(env(slack, db)));
      assertThat(usage.exit()).isEqualTo(2);
      assertThat(usage.err()).startsWith("Usage: java -jar second-shift.jar backup FILE");

      Path taken = Files.writeString(dir.resolve("taken.db"), "keep me");
      Ran exists = finish(backup(env(slack, db), taken.toString()));
      assertThat(exists.exit()).isEqualTo(2);
      assertThat(exists.err().strip())
          .isEqualTo("Cannot back up: " + taken + " exists already: name a new file");
      assertThat(Files.readString(taken)).isEqualTo("keep me");

      Map<String, String> postgres =
          Map.of(
              "SLACK_BOT_TOKEN", "xoxb-backup",
              "SLACK_SIGNING_SECRET", SECRET,
              "SECOND_SHIFT_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/shift");
      Ran pg = finish(backup(postgres, dir.resolve("pg.db").toString()));
      assertThat(pg.exit()).isEqualTo(2);
      assertThat(pg.err()).contains("back it up with pg_dump").doesNotContain("Exception");
    }
  }

  private static Map<String, String> env(SlackStandIn slack, Path db) {
    return Map.of(
        "SLACK_BOT_TOKEN",
        "xoxb-backup",
        "SLACK_SIGNING_SECRET",
        SECRET,
        "SLACK_API_URL",
        slack.apiUrl(),
        "SECOND_SHIFT_DB",
        db.toString());
  }

  /** {@code Main backup args…} as a process of its own, with exactly {@code env}. */
  private static Process backup(Map<String, String> env, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.add("backup");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("SECOND_SHIFT_") || k.equals("PORT"));
    pb.environment().putAll(env);
    return pb.start();
  }

  private record Ran(int exit, String out, String err) {}

  private static Ran finish(Process p) throws Exception {
    var out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    var err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the backup ended").isTrue();
    return new Ran(p.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
