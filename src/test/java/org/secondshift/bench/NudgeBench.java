package org.secondshift.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.secondshift.captain.Watch;
import org.secondshift.hours.SessionRules;
import org.secondshift.rest.Nudges;
import org.secondshift.rest.RestPolicy;
import org.secondshift.rest.RestRules;
import org.secondshift.sandbox.RecordedCall;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.SlackDnd;
import org.secondshift.slack.TeamClients;
import org.secondshift.slack.outbox.OutboxRunner;
import org.secondshift.slack.outbox.OutboxSender;
import org.secondshift.slack.outbox.SendLimits;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.store.NudgeStore;
import org.secondshift.store.OutboxStore;
import org.secondshift.store.RestStore;
import org.secondshift.store.SessionStore;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Vendor;

/**
 * 5,000 people due for a nudge at the same moment, delivered through the stand-in with Slack-like
 * limits; prints whether any was lost or doubled and the time against the floor the limits set.
 * Runs on the real clock. Arguments: [people] [messages per second], and {@code --nodes 2
 * --database-url URL} for two instances sharing a fresh database on that PostgreSQL server.
 */
public final class NudgeBench {
  private NudgeBench() {}

  public static void main(String[] args) throws Exception {
    List<String> positional = new ArrayList<>();
    int nodes = 1;
    String server = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--database-url" -> server = args[++i];
        default -> positional.add(args[i]);
      }
    }
    if (nodes < 1 || nodes > 2 || (nodes == 2 && server == null)) {
      System.err.println(
          "usage: bin/bench-nudges [people] [messages per second]"
              + " [--nodes 2 --database-url jdbc:postgresql://…]");
      System.exit(2);
    }
    int people = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 5_000;
    double rate = positional.size() > 1 ? Double.parseDouble(positional.get(1)) : 50;
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("nudge-bench");
    DatabaseLocation at =
        server == null
            ? DatabaseLocation.sqlite(dir.resolve("bench.db"))
            : Vendor.freshPostgres(server);
    ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
    List<Node> started = new ArrayList<>();
    try (SlackStandIn slack = SlackStandIn.start(clock)) {
      slack.limitRate("chat.postMessage", rate, 10);
      for (int n = 0; n < nodes; n++) {
        started.add(Node.start(at, slack, rate, background, clock));
      }
      SessionStore sessions = started.get(0).sessions;
      Instant threeHoursAgo = clock.instant().minus(Duration.ofHours(3)).minusSeconds(60);
      for (int i = 0; i < people; i++) {
        slack.addUser(user(i), "person" + i, "Europe/Berlin");
        sessions.startManual(slack.teamId(), user(i), threeHoursAgo, null);
      }

      long start = System.nanoTime();
      // Every node checks everyone at the same moment, as their periodic checks would: each
      // person must still get one nudge, sent within the one workspace limit the nodes share.
      ExecutorService checks = Executors.newFixedThreadPool(nodes);
      List<Future<Integer>> decisions = new ArrayList<>();
      Instant now = clock.instant();
      for (Node node : started) {
        decisions.add(checks.submit(() -> node.nudges.checkAll(now)));
      }
      int decided = 0;
      for (Future<Integer> d : decisions) {
        decided += d.get();
      }
      checks.shutdown();
      double decideSeconds = (System.nanoTime() - start) / 1e9;
      // Wait on the stand-in seeing another send, not on a timer, until nothing is left to send.
      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
      while (DbPeek.count(
                  at, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
              > 0
          && System.nanoTime() < deadline) {
        awaitNextSend(slack);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long failed = DbPeek.count(at, "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL");
      System.out.printf(
          "%d node(s) on %s%n", nodes, at.isPostgres() ? "one PostgreSQL database" : "SQLite");
      for (Node node : started) {
        node.close();
      }
      started.clear();
      report(slack, people, decided, rate, decideSeconds, seconds, failed);
    } finally {
      for (Node node : started) {
        node.close();
      }
      background.shutdownNow();
    }
  }

  /**
   * What one instance of the bot brings to a nudge fan-out: its own connection pool, nudge
   * decisions, outbox sender and rate gate. Several share the database, and nothing else.
   */
  private static final class Node {
    final Database db;
    final SessionStore sessions;
    final Nudges nudges;
    final OutboxRunner runner;

    private Node(Database db, SessionStore sessions, Nudges nudges, OutboxRunner runner) {
      this.db = db;
      this.sessions = sessions;
      this.nudges = nudges;
      this.runner = runner;
    }

    static Node start(
        DatabaseLocation at,
        SlackStandIn slack,
        double rate,
        ScheduledExecutorService background,
        Clock clock) {
      Database db = Database.open(at);
      SessionStore sessions = new SessionStore(db, SessionRules.defaults());
      SlackConfig config = new SlackConfig();
      config.setMethodsEndpointUrlPrefix(slack.apiUrl());
      config.setStatsEnabled(false);
      TeamClients methods = TeamClients.single(Slack.getInstance(config), "xoxb-bench");
      OutboxStore outbox = new OutboxStore(db);
      // The same rate as the workspace allows, but a smaller burst: the headroom absorbs the
      // jitter between the moment the bot counts a send and the moment Slack does, so no 429
      // costs a second.
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
              new NudgeStore(db, outbox, rest),
              sessions,
              rest,
              (team, user) -> ZoneId.of("Europe/Berlin"),
              new SlackDnd(methods, clock),
              Watch.none(),
              background,
              runner::wake,
              clock);
      runner.start();
      return new Node(db, sessions, nudges, runner);
    }

    void close() throws InterruptedException {
      runner.close();
      db.close();
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
