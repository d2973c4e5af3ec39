package org.secondshift.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.secondshift.captain.Watch;
import org.secondshift.hours.SessionRules;
import org.secondshift.rest.Nudges;
import org.secondshift.rest.RestPolicy;
import org.secondshift.rest.RestRules;
import org.secondshift.sandbox.RecordedCall;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.SlackDnd;
import org.secondshift.slack.blocks.NudgeView;
import org.secondshift.slack.outbox.OutboxRunner;
import org.secondshift.slack.outbox.OutboxSender;
import org.secondshift.slack.outbox.SendLimits;
import org.secondshift.store.Database;
import org.secondshift.store.NudgeStore;
import org.secondshift.store.OutboxStore;
import org.secondshift.store.RestStore;
import org.secondshift.store.SessionStore;
import org.secondshift.testing.DbPeek;

/**
 * 5,000 people due for a nudge at the same moment, delivered through the stand-in with Slack-like
 * limits; prints whether any was lost or doubled and the time against the floor the limits set.
 * Runs on the real clock. Arguments: [people] [messages per second].
 */
public final class NudgeBench {
  private NudgeBench() {}

  public static void main(String[] args) throws Exception {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 50;
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("nudge-bench");
    ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
    try (SlackStandIn slack = SlackStandIn.start(clock);
        Database db = Database.open(dir.resolve("bench.db"))) {
      slack.limitRate("chat.postMessage", rate, 10);
      SessionStore sessions = new SessionStore(db, SessionRules.defaults());
      Instant threeHoursAgo = clock.instant().minus(Duration.ofHours(3)).minusSeconds(60);
      for (int i = 0; i < people; i++) {
        slack.addUser(user(i), "person" + i, "Europe/Berlin");
        sessions.startManual(slack.teamId(), user(i), threeHoursAgo, null);
      }
      SlackConfig config = new SlackConfig();
      config.setMethodsEndpointUrlPrefix(slack.apiUrl());
      config.setStatsEnabled(false);
      MethodsClient methods = Slack.getInstance(config).methods("xoxb-bench");
      OutboxStore outbox = new OutboxStore(db);
      // The same rate as the workspace allows, but a smaller burst: the headroom absorbs the jitter
      // between the moment the bot counts a send and the moment Slack does, so no 429 costs a
      // second.
      OutboxRunner runner =
          new OutboxRunner(
              new OutboxSender(
                  outbox, methods, new SendLimits(rate, 5, Duration.ofSeconds(1)), clock),
              clock);
      RestStore rest = new RestStore(db);
      Nudges nudges =
          new Nudges(
              new RestPolicy(RestRules.defaults(), SessionRules.defaults()),
              rest,
              new NudgeStore(db, outbox, rest, new NudgeView()),
              sessions,
              rest,
              (team, user) -> ZoneId.of("Europe/Berlin"),
              new SlackDnd(methods, clock),
              Watch.none(),
              background,
              runner::wake,
              clock);
      runner.start();

      long start = System.nanoTime();
      int decided = nudges.checkAll(clock.instant());
      double decideSeconds = (System.nanoTime() - start) / 1e9;
      Path file = dir.resolve("bench.db");
      // Wait on the stand-in seeing another send, not on a timer, until nothing is left to send.
      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
      while (DbPeek.count(
                  file, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
              > 0
          && System.nanoTime() < deadline) {
        awaitNextSend(slack);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      runner.close();
      report(
          slack,
          people,
          decided,
          rate,
          decideSeconds,
          seconds,
          DbPeek.count(file, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL"));
    } finally {
      background.shutdownNow();
    }
  }

  private static void awaitNextSend(SlackStandIn slack) {
    try {
      slack.awaitCalls(
          "chat.postMessage", slack.calls("chat.postMessage").size() + 1, Duration.ofSeconds(2));
    } catch (IllegalStateException quietForTwoSeconds) {
      // Nothing new within two seconds: look at the outbox again.
    }
  }

  private static void report(
      SlackStandIn slack,
      int people,
      int decided,
      double rate,
      double decideSeconds,
      double seconds,
      long failed) {
    int lost = 0;
    int doubled = 0;
    for (int i = 0; i < people; i++) {
      int got = slack.messages("D" + user(i)).size();
      lost += got == 0 ? 1 : 0;
      doubled += got > 1 ? 1 : 0;
    }
    long refused =
        slack.calls("chat.postMessage").stream().filter(RecordedCall::rateLimited).count();
    double floor = people / rate;
    System.out.printf(
        "people %d, nudges decided %d (in %.1f s), workspace limit %.0f/s%n",
        people, decided, decideSeconds, rate);
    System.out.printf(
        "delivered %d, lost %d, doubled %d, failed %d, answered 429 %d%n",
        people - lost, lost, doubled, failed, refused);
    System.out.printf(
        "total %.1f s, floor %.1f s, ratio %.3f (target <= 1.2)%n",
        seconds, floor, seconds / floor);
    if (lost > 0 || doubled > 0 || seconds / floor > 1.2) {
      System.exit(1);
    }
  }

  private static String user(int i) {
    return String.format("U%06d", i);
  }
}
