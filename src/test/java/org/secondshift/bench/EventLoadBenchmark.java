package org.secondshift.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.secondshift.config.EnvironmentSettings;
import org.secondshift.install.Installation;
import org.secondshift.install.TokenCipher;
import org.secondshift.sandbox.StandInMain;
import org.secondshift.slack.AckBudget;
import org.secondshift.slack.RequestGuard;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.store.InstallationStore;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.Vendor;

/**
 * Load test of the Events API path, every part in a process of its own: the Slack stand-in, the
 * real bot from its jar, and two references, {@link BareEndpoint} (Jetty and the signature check)
 * and {@link PlainBolt} (a Bolt app whose message listener only acknowledges). wrk sends signed
 * message events to the three in rounds, the order rotating from round to round, with the same
 * threads, connections and duration; the medians give the two ratios. Then {@link FixedRateLoad}
 * sends them at a fixed rate to the bot and the bare endpoint. Afterwards it counts what reached
 * the bot's database and prints one table.
 *
 * <p>wrk cannot sign, so before each run this writes a file of freshly signed requests (one {@code
 * timestamp TAB signature TAB body} line each, distinct {@code event_id}s) that {@code
 * bench/events.lua} hands out. See {@code bin/bench} for the options.
 */
public final class EventLoadBenchmark {
  private static final String SECRET = "bench-signing-secret";
  private static final String TOKEN = "xoxb-bench-token";
  private static final String TOKEN_KEY = "YmVuY2gtYmVuY2gtYmVuY2gtYmVuY2gtYmVuY2gtMzI=";
  private static final Path JAR = Path.of("target", "second-shift.jar");
  private static final int USERS = 200;
  private static final int CHANNELS = 12;
  private static final Duration SPREAD = Duration.ofHours(6);
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  /** Lines in each request file for the reference, which checks repeats as it checks the rest. */
  private static final int REFERENCE_LINES = 50_000;

  /** Warm-up lines per second of warm-up, before any rate is known. */
  private static final int WARMUP_LINES_PER_SECOND = 5_000;

  private static final String COUNT_ACTIVITY = "SELECT COUNT(*) FROM activity";

  private final Options options;
  private final BenchProcesses processes;
  private final CpuCap cap;
  private final DatabaseLocation db;
  private final RequestGuard signer = new RequestGuard(SECRET, Clock.systemUTC());
  private final Envelopes envelopes = new Envelopes();
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private final Path script;
  private DatabaseLocation manyDb;

  private EventLoadBenchmark(
      Options options, BenchProcesses processes, CpuCap cap, DatabaseLocation db)
      throws IOException {
    this.options = options;
    this.processes = processes;
    this.cap = cap;
    this.db = db;
    this.script = processes.dir().resolve("events.lua");
    try (InputStream lua = EventLoadBenchmark.class.getResourceAsStream("/bench/events.lua")) {
      if (lua == null) {
        throw new IllegalStateException("bench/events.lua is not on the classpath");
      }
      Files.copy(lua, script);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (!Files.isRegularFile(JAR)) {
      System.err.println(JAR + " is missing: build it with mvn -DskipTests package");
      System.exit(2);
      return;
    }
    String given = System.getenv("BENCH_WORK_DIR");
    Path dir =
        given == null || given.isBlank()
            ? Files.createTempDirectory("second-shift-bench")
            : Path.of(given).toAbsolutePath();
    int status;
    DatabaseLocation db = null;
    try {
      db =
          options.databaseUrl == null
              ? DatabaseLocation.sqlite(dir.resolve("bench.db"))
              : Vendor.freshPostgres(options.databaseUrl);
      // The cap's groups outlive the processes in them: closed after them, so they are empty.
      try (CpuCap cap =
              options.nodeCpus > 0
                  ? new CpuCap(
                      options.nodeCpus, "second-shift-bench-" + ProcessHandle.current().pid())
                  : null;
          BenchProcesses processes = new BenchProcesses(dir)) {
        EventLoadBenchmark bench = new EventLoadBenchmark(options, processes, cap, db);
        try {
          status = bench.run();
        } finally {
          if (bench.manyDb != null && bench.manyDb.isPostgres()) {
            drop(options.databaseUrl, bench.manyDb);
          }
        }
      }
    } finally {
      if (db != null && db.isPostgres()) {
        drop(options.databaseUrl, db);
      }
      if (given == null || given.isBlank()) {
        deleteQuietly(dir);
      }
    }
    System.exit(status);
  }

  private int run() throws Exception {
    int botPort = BenchProcesses.freePort();
    int referencePort = BenchProcesses.freePort();
    String jar = JAR.toAbsolutePath().toString();
    String testClasspath = System.getProperty("java.class.path");
    Process standIn =
        processes.start(
            "stand-in",
            processes.java(List.of(), BenchProcesses.main(jar, StandInMain.class, users())),
            Map.of());
    String apiUrl =
        processes
            .awaitLine("stand-in", standIn, "SLACK_API_URL=", START_LIMIT)
            .replaceFirst(".*SLACK_API_URL=", "")
            .trim();
    Process reference =
        processes.start(
            "reference",
            processes.java(
                jvmOptions(), BenchProcesses.main(testClasspath, BareEndpoint.class, List.of())),
            Map.of(
                EnvironmentSettings.PORT,
                Integer.toString(referencePort),
                EnvironmentSettings.SIGNING_SECRET,
                SECRET));
    int plainPort = BenchProcesses.freePort();
    Process plain =
        processes.start(
            "plain-bolt",
            processes.java(
                jvmOptions(), BenchProcesses.main(testClasspath, PlainBolt.class, List.of())),
            Map.of(
                EnvironmentSettings.PORT,
                Integer.toString(plainPort),
                EnvironmentSettings.SIGNING_SECRET,
                SECRET,
                EnvironmentSettings.BOT_TOKEN,
                TOKEN,
                EnvironmentSettings.API_URL,
                apiUrl));
    Process bot =
        processes.start(
            "bot",
            processes.java(jvmOptions(), List.of("-jar", jar)),
            botEnvironment(botPort, apiUrl));
    int secondPort = options.nodes == 2 ? BenchProcesses.freePort() : -1;
    Process nodeB =
        options.nodes == 2
            ? processes.start(
                "bot-b",
                processes.java(jvmOptions(), List.of("-jar", jar)),
                botEnvironment(secondPort, apiUrl))
            : null;
    int manyPort = BenchProcesses.freePort();
    Process many = null;
    if (options.workspaces > 0) {
      // The same bot in OAuth mode, on a database of its own holding that many installations.
      manyDb =
          db.isPostgres()
              ? Vendor.freshPostgres(options.databaseUrl)
              : DatabaseLocation.sqlite(processes.dir().resolve("bench-many.db"));
      seedInstallations(manyDb, options.workspaces);
      many =
          processes.start(
              "bot-many",
              processes.java(jvmOptions(), List.of("-jar", jar)),
              manyEnvironment(manyPort, apiUrl));
    }
    if (cap != null) {
      cap.hold("reference", reference);
      cap.hold("plain-bolt", plain);
      if (many != null) {
        cap.hold("bot-many", many);
      }
      cap.hold("bot", bot);
      if (nodeB != null) {
        cap.hold("bot-b", nodeB);
      }
      System.out.printf(
          Locale.ROOT,
          "  the reference and each bot are capped at %.2f of this machine's %d cores%n",
          cap.cpus(),
          Runtime.getRuntime().availableProcessors());
    }
    processes.awaitHealthy("reference", reference, referencePort, START_LIMIT);
    processes.awaitHealthy("plain-bolt", plain, plainPort, START_LIMIT);
    processes.awaitHealthy("bot", bot, botPort, START_LIMIT);
    if (many != null) {
      processes.awaitHealthy("bot-many", many, manyPort, START_LIMIT);
      System.out.printf(
          Locale.ROOT,
          "  bot with %d installed workspaces pid %d on :%d (database %s)%n",
          options.workspaces,
          many.pid(),
          manyPort,
          manyDb);
    }
    if (nodeB != null) {
      processes.awaitHealthy("bot-b", nodeB, secondPort, START_LIMIT);
      System.out.printf(
          Locale.ROOT, "  second node pid %d on :%d, same database%n", nodeB.pid(), secondPort);
    }
    System.out.printf(
        Locale.ROOT,
        "second-shift event load: wrk -t%d -c%d -d%ds (after %d s warm-up), then %s;%n"
            + "  bot pid %d on :%d (database %s), reference pid %d on :%d, plain Bolt pid %d on"
            + " :%d, stand-in pid %d at %s%n"
            + "  %d rounds, each loading the three in turn, the order rotating; files in %s%n",
        options.threads,
        options.connections,
        options.seconds,
        options.warmup,
        options.rate > 0
            ? options.rate + " requests/s for " + options.seconds + " s from FixedRateLoad"
            : "no fixed-rate run",
        bot.pid(),
        botPort,
        db,
        reference.pid(),
        referencePort,
        plain.pid(),
        plainPort,
        standIn.pid(),
        apiUrl,
        options.rounds,
        processes.dir());

    Wrk referenceWarm = warm("reference", referencePort, REFERENCE_LINES);
    warm("plain-bolt", plainPort, REFERENCE_LINES);
    Stored afterWarm = new Stored(DbPeek.count(db, COUNT_ACTIVITY), 0);
    double botPace = WARMUP_LINES_PER_SECOND;
    Delivered warmed = null;
    if (options.warmup > 0) {
      // In two parts, so that the second, with the JIT further along, tells the bot's pace.
      int second = options.warmup / 2;
      int first = options.warmup - second;
      Wrk early = botWarmup("bot-warmup", "w", botPort, first);
      warmed = early.delivered();
      botPace = early.perSecond();
      if (second > 0) {
        Wrk late = botWarmup("bot-warmup-2", "x", botPort, second);
        warmed = warmed.plus(late.delivered());
        botPace = late.perSecond();
      }
      if (nodeB != null) {
        // The second node only serves the two-node part; it is warmed the same way first.
        Wrk secondWarm = botWarmup("bot-b-warmup", "y", secondPort, options.warmup);
        warmed = warmed.plus(secondWarm.delivered());
      }
      afterWarm = settle(bot, afterWarm, warmed);
    }
    // Six times the bot's warm-up pace (a later round, with the JIT done, runs well ahead of the
    // warm-up), but no more than the bare endpoint managed: the bot does all that it does and more.
    long botLines =
        Math.max(
            10_000,
            Math.round(
                    Math.min(
                            6 * botPace,
                            referenceWarm == null ? 6 * botPace : referenceWarm.perSecond())
                        * options.seconds)
                + options.connections);
    // Each round loads all three, one after the other, starting one further along each time, so
    // that neither a warmer JIT nor a busier page cache favours whoever comes last.
    List<Wrk> referenceRuns = new ArrayList<>();
    List<Wrk> plainRuns = new ArrayList<>();
    List<Wrk> botRuns = new ArrayList<>();
    List<Check> roundChecks = new ArrayList<>();
    Stored afterRun = afterWarm;
    for (int round = 0; round < options.rounds; round++) {
      for (int k = 0; k < 3; k++) {
        switch ((round + k) % 3) {
          case 0 -> referenceRuns.add(referenceRound("reference", referencePort, "u", round));
          case 1 -> plainRuns.add(referenceRound("plain Bolt", plainPort, "p", round));
          default -> {
            Wrk run =
                wrk(
                    "bot, round " + (round + 1),
                    botPort,
                    requests("bot", "m" + round, botLines),
                    options.seconds,
                    false);
            Stored after = settle(bot, afterRun, run.delivered());
            roundChecks.add(new Check("round " + (round + 1), run.delivered(), after));
            afterRun = after;
            botRuns.add(run);
          }
        }
      }
    }
    Wrk referenceRun = median(referenceRuns);
    Wrk plainRun = median(plainRuns);
    Wrk botRun = median(botRuns);

    Wrk manyRun = null;
    Stored afterMany = null;
    Delivered manyWarmed = null;
    Stored manyAfterWarm = null;
    if (many != null) {
      // The same warm-up and the same load, the events spread over the installed workspaces.
      Stored manyBefore = new Stored(DbPeek.count(manyDb, COUNT_ACTIVITY), 0);
      manyAfterWarm = manyBefore;
      if (options.warmup > 0) {
        Wrk warm =
            wrk(
                "bot-many-warmup",
                manyPort,
                requests(
                    "bot-many-warmup",
                    "z",
                    (long) WARMUP_LINES_PER_SECOND * options.warmup,
                    options.workspaces),
                options.warmup,
                false);
        manyWarmed = warm.delivered();
        manyAfterWarm = settle(many, manyDb, manyBefore, manyWarmed);
      }
      manyRun =
          wrk(
              "bot with " + options.workspaces + " workspaces",
              manyPort,
              requests("bot-many", "n", botLines, options.workspaces),
              options.seconds,
              true);
      afterMany = settle(many, manyDb, manyAfterWarm, manyRun.delivered());
    }

    Pair pair = null;
    Stored afterPair = afterRun;
    if (nodeB != null) {
      // The same total threads and connections as the one-node run, half to each node, at once.
      long half = botLines / 2 + options.connections;
      Path toA = requests("pair-a", "a", half);
      Path toB = requests("pair-b", "b", half);
      ExecutorService both = Executors.newFixedThreadPool(2);
      try {
        Future<Wrk> a = both.submit(() -> wrk("node A of two", botPort, toA, options.seconds, 2));
        Future<Wrk> b =
            both.submit(() -> wrk("node B of two", secondPort, toB, options.seconds, 2));
        pair = new Pair(a.get(), b.get());
      } finally {
        both.shutdownNow();
      }
      afterPair = settle(bot, afterRun, pair.delivered());
    }

    Rate referenceFixed = null;
    Rate botFixed = null;
    Stored afterFixed = afterPair;
    if (options.rate > 0) {
      int lines = options.rate * (options.warmup + options.seconds);
      referenceFixed =
          fixedRate("reference-rate", referencePort, requests("reference-rate", "q", lines));
      botFixed = fixedRate("bot-rate", botPort, requests("bot-rate", "r", lines));
      afterFixed = settle(bot, afterPair, botFixed.delivered());
    }

    List<Check> checks = new ArrayList<>();
    if (warmed != null) {
      checks.add(new Check("wrk warm-up", warmed, afterWarm));
    }
    checks.addAll(roundChecks);
    if (pair != null) {
      checks.add(new Check("two nodes", pair.delivered(), afterPair));
    }
    if (botFixed != null) {
      checks.add(new Check("fixed rate", botFixed.delivered(), afterFixed));
    }
    if (manyRun != null) {
      if (manyWarmed != null) {
        checks.add(new Check("many warm-up", manyWarmed, manyAfterWarm));
      }
      checks.add(new Check("many run", manyRun.delivered(), afterMany));
    }
    return report(
        new Rounds(referenceRuns, plainRuns, botRuns),
        referenceRun,
        plainRun,
        botRun,
        pair,
        manyRun,
        referenceFixed,
        botFixed,
        checks);
  }

  // ---- the processes ----

  /** The bot serving {@link Options#workspaces} installed workspaces, on {@link #manyDb}. */
  private Map<String, String> manyEnvironment(int port, String apiUrl) {
    Map<String, String> env = new HashMap<>();
    env.put(EnvironmentSettings.CLIENT_ID, "bench.client");
    env.put(EnvironmentSettings.CLIENT_SECRET, "bench-client-secret");
    env.put(EnvironmentSettings.TOKEN_KEY, TOKEN_KEY);
    env.put(EnvironmentSettings.SIGNING_SECRET, SECRET);
    env.put(EnvironmentSettings.API_URL, apiUrl);
    env.put(EnvironmentSettings.PORT, Integer.toString(port));
    if (manyDb.isPostgres()) {
      env.put(EnvironmentSettings.DATABASE_URL, manyDb.jdbcUrl());
    } else {
      env.put(EnvironmentSettings.DATABASE, manyDb.sqliteFile().orElseThrow().toString());
    }
    return env;
  }

  /** Installs the app in {@code count} workspaces, as that many OAuth installs would have. */
  private static void seedInstallations(DatabaseLocation at, int count) {
    Database database = Database.open(at);
    try {
      InstallationStore store =
          new InstallationStore(
              database, new TokenCipher(java.util.Base64.getDecoder().decode(TOKEN_KEY)));
      Instant now = Instant.now();
      for (int i = 0; i < count; i++) {
        String team = teamId(i);
        store.save(
            new Installation(
                team,
                null,
                "Workspace " + i,
                "A0BENCH",
                "U0BOT",
                "B0BOT",
                org.secondshift.slack.install.InstallFlow.BOT_SCOPES,
                "U0ADMIN",
                now,
                "xoxb-bench-" + team,
                null,
                null));
      }
    } finally {
      database.close();
    }
  }

  private Map<String, String> botEnvironment(int port, String apiUrl) {
    Map<String, String> env = new HashMap<>();
    env.put(EnvironmentSettings.BOT_TOKEN, TOKEN);
    env.put(EnvironmentSettings.SIGNING_SECRET, SECRET);
    env.put(EnvironmentSettings.API_URL, apiUrl);
    env.put(EnvironmentSettings.PORT, Integer.toString(port));
    if (db.isPostgres()) {
      env.put(EnvironmentSettings.DATABASE_URL, db.jdbcUrl());
    } else {
      env.put(EnvironmentSettings.DATABASE, db.sqliteFile().orElseThrow().toString());
    }
    // To watch the bot's own figures while it is under load: BENCH_METRICS_PORT=9400 bin/bench.
    String metrics = System.getenv("BENCH_METRICS_PORT");
    if (metrics != null && !metrics.isBlank()) {
      env.put(EnvironmentSettings.METRICS_PORT, metrics.trim());
    }
    return env;
  }

  /** What BENCH_JAVA_OPTS asks of the two JVMs being measured, the bot and the reference. */
  private static List<String> jvmOptions() {
    String raw = System.getenv("BENCH_JAVA_OPTS");
    return raw == null || raw.isBlank() ? List.of() : Arrays.asList(raw.trim().split("\\s+"));
  }

  private static List<String> users() {
    List<String> args = new ArrayList<>();
    args.add("0");
    String[] zones = {"Europe/Berlin", "America/New_York", "Asia/Tokyo"};
    for (int u = 0; u < USERS; u++) {
      args.add(userId(u) + ":person" + u + ":" + zones[u % zones.length]);
    }
    return args;
  }

  private static String teamId(int n) {
    return String.format(Locale.ROOT, "T0W%04d", n);
  }

  private static String userId(int n) {
    return String.format(Locale.ROOT, "U%07d", n);
  }

  // ---- the request files ----

  /**
   * Writes {@code count} message events signed now, with event ids unique to this run and {@code
   * tag}, from random people in random channels at random times of the last hours.
   */
  private Path requests(String name, String tag, long count) throws IOException {
    return requests(name, tag, count, 0);
  }

  /**
   * As above, each person a member of one of {@code workspaces} installed workspaces (0: the one).
   */
  private Path requests(String name, String tag, long count, int workspaces) throws IOException {
    Path file = processes.dir().resolve(name + ".requests");
    SplittableRandom random = new SplittableRandom(tag.hashCode());
    Instant now = Instant.now();
    String timestamp = Long.toString(now.getEpochSecond());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = 0; i < count; i++) {
        int user = random.nextInt(USERS);
        // The same people as in the one workspace, each a member of one of the workspaces: what
        // is measured is the cost of many installations, not of many more people.
        Envelopes from = workspaces == 0 ? envelopes : envelopes.inTeam(teamId(user % workspaces));
        String body =
            from.message(
                "Ev" + runId + tag + i,
                userId(user),
                String.format(Locale.ROOT, "C%07d", random.nextInt(CHANNELS)),
                now.minusMillis(random.nextLong(SPREAD.toMillis())),
                null);
        out.write(timestamp);
        out.write('\t');
        out.write(signer.sign(timestamp, body));
        out.write('\t');
        out.write(body);
        out.write('\n');
      }
    }
    return file;
  }

  // ---- the load ----

  /** Warms a reference up for the warm-up's length; null when there is no warm-up. */
  private Wrk warm(String name, int port, int lines) throws Exception {
    if (options.warmup == 0) {
      return null;
    }
    return wrk(
        name + "-warmup", port, requests(name + "-warmup", "v", lines), options.warmup, false);
  }

  /** One round's load on a reference, from a file of its own. */
  private Wrk referenceRound(String name, int port, String tag, int round) throws Exception {
    return wrk(
        name + ", round " + (round + 1),
        port,
        requests(name.replace(' ', '-'), tag + round, REFERENCE_LINES),
        options.seconds,
        false);
  }

  /** The run whose pace is the median of the rounds' (the lower middle one of an even count). */
  private static Wrk median(List<Wrk> runs) {
    List<Wrk> sorted = runs.stream().sorted(Comparator.comparingDouble(Wrk::perSecond)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  private Wrk botWarmup(String name, String tag, int port, int seconds) throws Exception {
    Path requests = requests(name, tag, (long) WARMUP_LINES_PER_SECOND * seconds);
    return wrk(name, port, requests, seconds, false);
  }

  private Wrk wrk(String name, int port, Path requests, int seconds, boolean show)
      throws Exception {
    return wrk(name, port, requests, seconds, show, 1);
  }

  /** One of two loads at once, each with half the threads and connections. */
  private Wrk wrk(String name, int port, Path requests, int seconds, int shares) throws Exception {
    return wrk(name, port, requests, seconds, false, shares);
  }

  private Wrk wrk(String name, int port, Path requests, int seconds, boolean show, int shares)
      throws Exception {
    int threads = options.threads / shares;
    List<String> command =
        List.of(
            "wrk",
            "-t" + threads,
            "-c" + options.connections / shares,
            "-d" + seconds + "s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            script.toString(),
            "http://127.0.0.1:" + port + "/slack/events",
            "--",
            requests.toString(),
            Integer.toString(threads));
    String output =
        processes.runToEnd(
            "wrk-" + name.replace(' ', '-'), command, Map.of(), Duration.ofSeconds(seconds + 120));
    Files.delete(requests);
    Wrk run = new Wrk(result(name, output));
    if (show) {
      System.out.printf(Locale.ROOT, "%n-- wrk against the %s --%n", name);
      output
          .lines()
          .filter(l -> !l.startsWith("RESULT "))
          .forEach(l -> System.out.println("  " + l));
    } else {
      System.out.printf(
          Locale.ROOT,
          "%n-- %s: %d requests in %d s, %.0f/s --%n",
          name,
          run.count("requests"),
          seconds,
          run.perSecond());
    }
    return run;
  }

  private Rate fixedRate(String name, int port, Path requests) throws Exception {
    List<String> args =
        Stream.of(
                port, requests, options.rate, options.warmup, options.seconds, options.connections)
            .map(String::valueOf)
            .toList();
    List<String> command =
        processes.java(
            List.of(),
            BenchProcesses.main(System.getProperty("java.class.path"), FixedRateLoad.class, args));
    String output =
        processes.runToEnd(
            name, command, Map.of(), Duration.ofSeconds(options.warmup + options.seconds + 120L));
    Files.delete(requests);
    Rate rate = new Rate(result(name, output));
    System.out.printf(
        Locale.ROOT,
        "%n-- fixed rate against the %s: %s --%n",
        name.replace("-rate", ""),
        rate.summary());
    return rate;
  }

  private Map<String, String> result(String name, String output) {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new IllegalStateException(name + " printed no RESULT:\n" + output));
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring("RESULT ".length()).trim().split("\\s+")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    return values;
  }

  // ---- the database ----

  /**
   * Waits until the events of a run that could still reach the database have: at least the
   * acknowledged ones are there, the bot's {@link AckBudget} has passed since the load stopped (a
   * write not begun by then is given up), and the count holds still; or all that were sent are
   * there. Gives up after a minute with what it found.
   */
  private Stored settle(Process bot, Stored before, Delivered delivered)
      throws InterruptedException {
    return settle(bot, db, before, delivered);
  }

  private Stored settle(Process bot, DatabaseLocation db, Stored before, Delivered delivered)
      throws InterruptedException {
    long stopped = System.nanoTime();
    long earliest = stopped + AckBudget.BUDGET.plusMillis(500).toNanos();
    long deadline = stopped + Duration.ofMinutes(1).toNanos();
    long last = -1;
    while (true) {
      long total = DbPeek.count(db, COUNT_ACTIVITY);
      long added = total - before.total();
      long now = System.nanoTime();
      boolean quiet = added >= delivered.acknowledged() && now >= earliest && total == last;
      if (added >= delivered.sent() || quiet || now >= deadline) {
        return new Stored(total, added);
      }
      last = total;
      if (BenchProcesses.exitsWithin(bot, Duration.ofMillis(250))) {
        throw new IllegalStateException("the bot exited while its writes were awaited");
      }
    }
  }

  private static void drop(String server, DatabaseLocation db) {
    String url = db.jdbcUrl();
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    String name = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException e) {
      System.err.println("could not drop the benchmark's database " + name + ": " + e.getMessage());
    }
  }

  // ---- the report ----

  private int report(
      Rounds rounds,
      Wrk referenceRun,
      Wrk plainRun,
      Wrk botRun,
      Pair pair,
      Wrk manyRun,
      Rate referenceFixed,
      Rate botFixed,
      List<Check> checks) {
    System.out.printf(
        Locale.ROOT,
        "%nwrk -t%d -c%d -d%ds per run, signed message events, after %d s of warm-up each%s;"
            + " requests/s (p99 ms) by round:%n",
        options.threads,
        options.connections,
        options.seconds,
        options.warmup,
        cap == null
            ? ""
            : String.format(Locale.ROOT, ", each server capped at %.2f cores", cap.cpus()));
    System.out.print(rounds.render());
    System.out.printf(
        Locale.ROOT,
        "  %-12s %-24s %-24s %-24s%n",
        "median",
        paceOf(referenceRun),
        paceOf(plainRun),
        paceOf(botRun));
    Table table = new Table();
    table.section("the median rounds, bot against the bare endpoint");
    table.pace("requests/s", botRun, referenceRun);
    table.count("requests", botRun.count("requests"), referenceRun.count("requests"));
    table.count("non-2xx", botRun.count("non2xx"), referenceRun.count("non2xx"));
    table.count("socket errors", botRun.socketErrors(), referenceRun.socketErrors());
    table.count("repeated events", botRun.repeats(), referenceRun.repeats());
    if (pair != null) {
      table.section(
          String.format(
              Locale.ROOT,
              "two nodes on one PostgreSQL: wrk -t%d -c%d -d%ds against each, at once",
              options.threads / 2,
              options.connections / 2,
              options.seconds));
      table.line(pair.line(botRun));
    }
    if (manyRun != null) {
      table.section(
          String.format(
              Locale.ROOT,
              "%d workspaces installed through OAuth, the same people and load spread over them",
              options.workspaces));
      table.line(
          String.format(
              Locale.ROOT,
              "one workspace %.0f/s (p99 %.1f ms); %d workspaces %.0f/s (p99 %.1f ms);"
                  + " %.2f x one; non-2xx %d, socket errors %d",
              botRun.perSecond(),
              botRun.ms("p99_us"),
              options.workspaces,
              manyRun.perSecond(),
              manyRun.ms("p99_us"),
              manyRun.perSecond() / botRun.perSecond(),
              manyRun.count("non2xx"),
              manyRun.socketErrors()));
    }
    if (botFixed != null) {
      table.section(
          String.format(
              Locale.ROOT,
              "fixed rate %d/s for %d s over %d connections (FixedRateLoad, open loop)",
              options.rate,
              options.seconds,
              options.connections));
      table.pace("achieved/s", botFixed, referenceFixed);
      table.count("non-2xx", botFixed.count("non2xx"), referenceFixed.count("non2xx"));
      table.count("failed or unsent", botFixed.failures(), referenceFixed.failures());
    }
    table.section(
        "the median rounds, bot against plain Bolt (bot / plain Bolt in the last column)");
    table.pace("requests/s", botRun, plainRun);
    table.count("non-2xx", botRun.count("non2xx"), plainRun.count("non2xx"));
    table.count("socket errors", botRun.socketErrors(), plainRun.socketErrors());
    table.section("bot database: activity rows each part added");
    boolean stored = true;
    for (Check check : checks) {
      table.line(check.line());
      stored &= check.ok();
    }
    System.out.println();
    System.out.print(table.render());

    System.out.println();
    System.out.println(
        "Acknowledged distinct: answered 2xx, less any repeats. Unanswered: handed to the load"
            + " but not answered when it stopped; the bot may have stored those too.");
    System.out.println(
        botRun.repeats() == 0
            ? "The bot got no event twice."
            : String.format(
                Locale.ROOT,
                "NOTE: %d of the bot's requests repeated an event it had already stored: it"
                    + " acknowledges those too, but only looks them up, so they are cheaper.",
                botRun.repeats()));
    System.out.println(
        "The bare endpoint and plain Bolt start their files again when they run out; they treat"
            + " a repeat in full, as any other request.");
    long problems =
        rounds.problems()
            + (pair == null ? 0 : pair.problems())
            + (manyRun == null ? 0 : manyRun.count("non2xx") + manyRun.socketErrors())
            + (botFixed == null ? 0 : botFixed.failures() + botFixed.count("non2xx"))
            + (referenceFixed == null
                ? 0
                : referenceFixed.failures() + referenceFixed.count("non2xx"));
    double ratio = botRun.perSecond() / referenceRun.perSecond();
    double boltRatio = botRun.perSecond() / plainRun.perSecond();
    double fixedP99 = botFixed == null ? Double.NaN : botFixed.ms("p99_us");
    boolean targets =
        botRun.perSecond() >= 2_000 && (botFixed == null || fixedP99 <= 50) && boltRatio >= 1.0;
    System.out.printf(
        Locale.ROOT,
        "bot / plain Bolt %.2f, bot / bare endpoint %.2f (medians of %d rounds)%n",
        boltRatio,
        ratio,
        options.rounds);
    System.out.printf(
        Locale.ROOT,
        "targets (bot >= 2000/s, fixed-rate p99 <= 50 ms, bot >= plain Bolt): %s%n",
        targets ? "met" : "MISSED");
    if (pair != null) {
      System.out.printf(
          Locale.ROOT,
          "two-node targets (one node >= 1500/s, two nodes >= 1.5 x one node): %s%n",
          botRun.perSecond() >= 1_500 && pair.perSecond() >= 1.5 * botRun.perSecond()
              ? "met"
              : "MISSED");
      System.out.printf(
          Locale.ROOT,
          "RESULT_NODES one_rps=%.0f two_rps=%.0f scale=%.2f two_p99_ms=%.2f node_cpus=%s%n",
          botRun.perSecond(),
          pair.perSecond(),
          pair.perSecond() / botRun.perSecond(),
          pair.p99ms(),
          cap == null ? "all" : String.format(Locale.ROOT, "%.2f", cap.cpus()));
    }
    if (manyRun != null) {
      double scale = manyRun.perSecond() / botRun.perSecond();
      System.out.printf(
          Locale.ROOT,
          "workspace target (%d workspaces within 10%% of one, events/s and p99): %s%n",
          options.workspaces,
          scale >= 0.9 && manyRun.ms("p99_us") <= 1.1 * botRun.ms("p99_us") ? "met" : "MISSED");
      System.out.printf(
          Locale.ROOT,
          "RESULT_WORKSPACES workspaces=%d one_rps=%.0f many_rps=%.0f ratio=%.2f one_p99_ms=%.2f"
              + " many_p99_ms=%.2f%n",
          options.workspaces,
          botRun.perSecond(),
          manyRun.perSecond(),
          scale,
          botRun.ms("p99_us"),
          manyRun.ms("p99_us"));
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT bot_rps=%.0f plain_bolt_rps=%.0f reference_rps=%.0f bolt_ratio=%.2f ratio=%.2f"
            + " bot_p50_ms=%.2f bot_p99_ms=%.2f rate_p99_ms=%.2f problems=%d stored=%s%n",
        botRun.perSecond(),
        plainRun.perSecond(),
        referenceRun.perSecond(),
        boltRatio,
        ratio,
        botRun.ms("p50_us"),
        botRun.ms("p99_us"),
        fixedP99,
        problems,
        stored ? "OK" : "MISMATCH");
    return problems == 0 && stored ? 0 : 1;
  }

  private static String paceOf(Wrk run) {
    return String.format(Locale.ROOT, "%.0f (%.1f)", run.perSecond(), run.ms("p99_us"));
  }

  /** Each round's run of the bare endpoint, plain Bolt and the bot. */
  private record Rounds(List<Wrk> reference, List<Wrk> plain, List<Wrk> bot) {
    String render() {
      StringBuilder out =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "  %-12s %-24s %-24s %-24s%n",
                  "",
                  "bare endpoint",
                  "plain Bolt",
                  "bot"));
      for (int i = 0; i < bot.size(); i++) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-12s %-24s %-24s %-24s%n",
                "round " + (i + 1),
                paceOf(reference.get(i)),
                paceOf(plain.get(i)),
                paceOf(bot.get(i))));
      }
      return out.toString();
    }

    long problems() {
      long n = 0;
      for (List<Wrk> runs : List.of(reference, plain, bot)) {
        for (Wrk w : runs) {
          n += w.count("non2xx") + w.socketErrors();
        }
      }
      return n;
    }
  }

  /** Acknowledged distinct events (at least this many must be stored) and distinct ones sent. */
  private record Delivered(long acknowledged, long sent) {
    Delivered plus(Delivered other) {
      return new Delivered(acknowledged + other.acknowledged, sent + other.sent);
    }
  }

  /** The activity count after a run, and what the run added. */
  private record Stored(long total, long added) {}

  private record Check(String part, Delivered delivered, Stored stored) {
    boolean ok() {
      return stored.added() >= delivered.acknowledged() && stored.added() <= delivered.sent();
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%-12s %7d stored of %7d acknowledged distinct events (+%d unanswered) -> %s",
          part,
          stored.added(),
          delivered.acknowledged(),
          delivered.sent() - delivered.acknowledged(),
          ok() ? "OK" : "MISMATCH");
    }
  }

  /** The {@code key=value} pairs of a load process's RESULT line; times are in microseconds. */
  private interface Reported {
    Map<String, String> values();

    default long count(String key) {
      return Long.parseLong(values().get(key));
    }

    default double ms(String key) {
      return count(key) / 1_000.0;
    }

    /** Requests answered per second of the measured part. */
    double perSecond();
  }

  /** What events.lua's done() reported. */
  private record Wrk(Map<String, String> values) implements Reported {
    @Override
    public double perSecond() {
      return count("requests") / (count("duration_us") / 1e6);
    }

    long socketErrors() {
      return count("connect") + count("read") + count("write") + count("timeout");
    }

    long repeats() {
      return count("generated") - count("distinct");
    }

    /**
     * Every answered 2xx is acknowledged; only as many as were repeats can be events sent before.
     * Events written but not answered when wrk stopped may be stored too.
     */
    Delivered delivered() {
      long answered = count("requests") - count("non2xx");
      return new Delivered(Math.max(0, answered - repeats()), count("distinct"));
    }
  }

  /** The two loads of the two-node part, one per node, run at the same time. */
  private record Pair(Wrk a, Wrk b) {
    double perSecond() {
      return a.perSecond() + b.perSecond();
    }

    double p99ms() {
      return Math.max(a.ms("p99_us"), b.ms("p99_us"));
    }

    Delivered delivered() {
      return a.delivered().plus(b.delivered());
    }

    long problems() {
      return a.count("non2xx") + a.socketErrors() + b.count("non2xx") + b.socketErrors();
    }

    String line(Wrk one) {
      return String.format(
          Locale.ROOT,
          "one node %.0f/s (p99 %.1f ms); two nodes %.0f/s = %.0f + %.0f (p99 %.1f ms, worse of"
              + " the two); %.2f x one node; non-2xx %d, socket errors %d",
          one.perSecond(),
          one.ms("p99_us"),
          perSecond(),
          a.perSecond(),
          b.perSecond(),
          p99ms(),
          perSecond() / one.perSecond(),
          a.count("non2xx") + b.count("non2xx"),
          a.socketErrors() + b.socketErrors());
    }
  }

  /** What FixedRateLoad reported. */
  private record Rate(Map<String, String> values) implements Reported {
    @Override
    public double perSecond() {
      return count("measured") / Math.max(1e-9, Double.parseDouble(values.get("seconds")));
    }

    long failures() {
      return count("failed") + count("unsent");
    }

    Delivered delivered() {
      return new Delivered(count("ok"), count("sent"));
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "%d sent, %d ok, p50 %.2f ms, p99 %.2f ms",
          count("sent"),
          count("ok"),
          ms("p50_us"),
          ms("p99_us"));
    }
  }

  /** Rows of bot, reference and their ratio, under section headings. */
  private static final class Table {
    private static final String ROW = "  %-18s %12s %12s %14s%n";
    private final List<String> lines = new ArrayList<>();

    void section(String title) {
      lines.add(title + "\n");
    }

    /** A line of its own within a section. */
    void line(String text) {
      lines.add("  " + text + "\n");
    }

    /** A row of counts, for which a ratio says nothing. */
    void count(String label, long bot, long reference) {
      lines.add(String.format(Locale.ROOT, ROW, label, bot, reference, ""));
    }

    /** Requests per second and latency percentiles of the same load on both. */
    void pace(String label, Reported bot, Reported reference) {
      row(label, bot.perSecond(), reference.perSecond(), "%.0f");
      for (String p : List.of("p50", "p90", "p99")) {
        row("latency " + p + " ms", bot.ms(p + "_us"), reference.ms(p + "_us"), "%.2f");
      }
    }

    void row(String label, double bot, double reference, String format) {
      lines.add(
          String.format(
              Locale.ROOT,
              ROW,
              label,
              String.format(Locale.ROOT, format, bot),
              String.format(Locale.ROOT, format, reference),
              reference > 0 ? String.format(Locale.ROOT, "%.2f", bot / reference) : "-"));
    }

    String render() {
      return String.format(Locale.ROOT, ROW, "", "bot", "reference", "bot/reference")
          + String.join("", lines);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  // ---- options ----

  private static final class Options {
    static final String USAGE =
        "usage: bin/bench [--seconds N] [--warmup N] [--threads N] [--connections N] [--rate N]"
            + " [--database-url jdbc:postgresql://…] [--nodes 1|2] [--node-cpus CORES]"
            + " [--workspaces N] [--rounds N]";

    String databaseUrl;
    int nodes = 1;
    int workspaces;
    double nodeCpus;
    int seconds = 10;
    int warmup = 5;
    int threads = 2;
    int connections = 32;
    int rate = 500;
    int rounds = 3;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + arg);
        }
        String value = args[++i];
        switch (arg) {
          // Signed requests are good for five minutes; a run must end well within them.
          case "--seconds" -> o.seconds = number(arg, value, 1, 240);
          case "--warmup" -> o.warmup = number(arg, value, 0, 60);
          case "--threads" -> o.threads = number(arg, value, 1, 64);
          case "--connections" -> o.connections = number(arg, value, 1, 4_096);
          case "--rate" -> o.rate = number(arg, value, 0, 100_000);
          case "--rounds" -> o.rounds = number(arg, value, 1, 9);
          case "--nodes" -> o.nodes = number(arg, value, 1, 2);
          case "--node-cpus" -> o.nodeCpus = cores(value);
          case "--workspaces" -> o.workspaces = number(arg, value, 2, 1_000);
          case "--database-url" -> {
            if (!value.startsWith("jdbc:postgresql://")) {
              throw new IllegalArgumentException("--database-url takes jdbc:postgresql://…");
            }
            o.databaseUrl = value;
          }
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (o.warmup + o.seconds > 240) {
        // A fixed-rate request file lasts both; its last request must be within the five minutes.
        throw new IllegalArgumentException("--warmup and --seconds may add up to 240 at most");
      }
      if (o.nodes == 2 && o.workspaces > 0) {
        throw new IllegalArgumentException("--workspaces and --nodes 2 are separate runs");
      }
      if (o.nodes == 2 && o.databaseUrl == null) {
        throw new IllegalArgumentException(
            "--nodes 2 needs --database-url: nodes share PostgreSQL");
      }
      if (o.nodes == 2 && (o.threads % 2 != 0 || o.connections % 2 != 0)) {
        throw new IllegalArgumentException(
            "--nodes 2 splits --threads and --connections over the nodes: give even numbers");
      }
      if (o.connections < o.threads || o.connections % o.threads != 0) {
        throw new IllegalArgumentException(
            "--connections must be a multiple of --threads (wrk splits them evenly)");
      }
      return o;
    }

    private static double cores(String value) {
      try {
        double cores = Double.parseDouble(value);
        if (!(cores >= 0.1 && cores <= 64)) {
          throw new IllegalArgumentException("--node-cpus must be between 0.1 and 64 cores");
        }
        return cores;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--node-cpus takes a number of cores, not " + value);
      }
    }

    private static int number(String name, String value, int min, int max) {
      try {
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
          throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " takes a number, not " + value);
      }
    }
  }
}
