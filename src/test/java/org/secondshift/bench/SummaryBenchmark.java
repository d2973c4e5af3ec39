package org.secondshift.bench;

import com.slack.api.util.json.GsonFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.secondshift.Bot;
import org.secondshift.activity.Activity;
import org.secondshift.config.Mode;
import org.secondshift.hours.HourLog;
import org.secondshift.hours.HourReports;
import org.secondshift.hours.IsoWeek;
import org.secondshift.hours.QuietWindow;
import org.secondshift.hours.SessionRules;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.RequestGuard;
import org.secondshift.slack.blocks.SummaryView;
import org.secondshift.store.Database;
import org.secondshift.store.PersonStore;
import org.secondshift.store.RestStore;
import org.secondshift.store.SessionStore;
import org.secondshift.store.SummaryStore;
import org.secondshift.store.TeamFigures;
import org.secondshift.summary.LoadChart;
import org.secondshift.summary.SummaryBuilder;
import org.secondshift.summary.WeeklySummary;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SettableClock;

/**
 * A channel of 1,000 members with a year of synthetic activity, loaded through the real write path
 * into a fresh SQLite file; then the file's size per event, the weekly summary computed and
 * rendered as the product posts it, and {@code /shift hours} through signed HTTP against the real
 * bot. Targets from the issue: summary ≤ 300 ms, hours p99 ≤ 20 ms, ≤ 100 bytes per event.
 *
 * <p>Run with {@code bin/bench-summary [--members N] [--days N] [--runs N] [--requests N] [--warmup
 * N] [--seed N] [--keep]}.
 */
public final class SummaryBenchmark {
  /** A Friday evening in Europe: the year ends here, and the summary reports the week before. */
  static final Instant END = Instant.parse("2026-11-27T23:00:00Z");

  static final ZoneId SUMMARY_ZONE = ZoneId.of("Europe/Berlin");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Options options;
  private final SyntheticYear year;
  private final Path dir;
  private final Path file;
  private final SessionRules rules = SessionRules.defaults();
  private final HourLog hourLog = new HourLog(rules, QuietWindow.lateNightDefault());

  private SummaryBenchmark(Options options, Path dir) {
    this.options = options;
    this.year = new SyntheticYear(options.members, options.days, END, options.seed);
    this.dir = dir;
    this.file = dir.resolve("bot.db");
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path dir = Files.createTempDirectory("summary-bench");
    SummaryBenchmark bench = new SummaryBenchmark(options, dir);
    try {
      bench.run();
    } finally {
      if (!options.keep) {
        deleteTree(dir);
      }
    }
  }

  private void run() throws Exception {
    System.out.printf(
        "%d members, %d days of activity up to %s, seed %d; database %s%n",
        options.members, options.days, END, options.seed, file);
    Load load;
    Timings summary;
    try (Database db = Database.open(file)) {
      load = load(db);
      summary = timeSummary(db);
      timeHoursInProcess(db);
      timeActivityQueries(db);
      db.checkpoint();
    }
    double bytesPerEvent = measureSize(load.events());
    Timings hours = timeHoursOverHttp();
    System.out.printf(
        Locale.ROOT,
        "RESULT load_events=%d load_s=%.1f bytes_per_event=%.1f summary_p99_ms=%.1f"
            + " hours_p99_ms=%.2f%n",
        load.events(),
        load.seconds(),
        bytesPerEvent,
        summary.p99(),
        hours.p99());
  }

  /** How many events went in, and how long it took. */
  private record Load(long events, double seconds) {}

  /** Writes the year a day at a time, generating the next day while the last one is written. */
  private Load load(Database db) throws Exception {
    SessionStore sessions = new SessionStore(db, rules);
    PersonStore people = new PersonStore(db);
    SummaryStore summaries = new SummaryStore(db);
    Random r = new Random(options.seed);
    for (SyntheticYear.Member m : year.members()) {
      // What the listener's zone lookup stores on someone's first activity.
      people.saveZone(SyntheticYear.TEAM, m.id(), m.zone().getId(), END);
      if (r.nextDouble() < 0.1) {
        summaries.setSharing(SyntheticYear.TEAM, m.id(), true);
      }
    }
    ExecutorService writer = Executors.newSingleThreadExecutor();
    long generated = 0;
    long recorded = 0;
    long start = System.nanoTime();
    try {
      Future<Integer> pending = null;
      for (int d = 0; d < year.days(); d++) {
        List<Activity> day = year.day(d);
        recorded += pending == null ? 0 : pending.get();
        pending = writer.submit(() -> sessions.recordAll(day));
        generated += day.size();
      }
      recorded += pending == null ? 0 : pending.get();
    } finally {
      writer.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "load: %d events (%d new) in %.1f s, %.0f events/s, through SessionStore.recordAll,"
            + " one transaction per day%n",
        generated, recorded, seconds, recorded / seconds);
    System.out.printf(
        "      %d work sessions, %d channel members rows, %d people in %s%n",
        count(db, "SELECT COUNT(*) FROM work_session"),
        count(db, "SELECT COUNT(*) FROM channel_member"),
        db.read(
            h ->
                h.createQuery("SELECT COUNT(*) FROM channel_member WHERE channel_id = :channel")
                    .bind("channel", SyntheticYear.CHANNEL)
                    .mapTo(Long.class)
                    .one()),
        SyntheticYear.CHANNEL);
    return new Load(recorded, seconds);
  }

  /** The summary as the poster makes it: build, blocks, their JSON, and the chart. */
  private Timings timeSummary(Database db) {
    SummaryBuilder builder = new SummaryBuilder(new SummaryStore(db), new TeamFigures(db), hourLog);
    IsoWeek week = IsoWeek.of(LocalDate.ofInstant(END, SUMMARY_ZONE)).previous();
    long[] build = new long[options.runs];
    long[] render = new long[options.runs];
    long[] total = new long[options.runs];
    Rendered last = null;
    settle();
    for (int i = -Math.max(10, options.runs / 2); i < options.runs; i++) {
      long t0 = System.nanoTime();
      WeeklySummary summary =
          builder.build(SyntheticYear.TEAM, SyntheticYear.CHANNEL, week, SUMMARY_ZONE, END);
      long t1 = System.nanoTime();
      last = render(summary);
      long t2 = System.nanoTime();
      if (i >= 0) {
        build[i] = t1 - t0;
        render[i] = t2 - t1;
        total[i] = t2 - t0;
      }
    }
    Timings timings = Timings.of(total);
    System.out.printf(
        "summary %s of %s in %s: %s [target p99 <= 300 ms]%n",
        week, SyntheticYear.CHANNEL, SUMMARY_ZONE, timings);
    System.out.printf(
        "      build p50 %.1f ms, blocks + JSON + chart p50 %.1f ms; %d people active,"
            + " %d blocks, %d chars of JSON, %d bytes of PNG%n",
        Timings.of(build).p50(),
        Timings.of(render).p50(),
        last.summary.people(),
        last.blocks,
        last.json,
        last.png);
    return timings;
  }

  private static Rendered render(WeeklySummary summary) {
    SummaryView.Message view = SummaryView.message(summary);
    String json = GsonFactory.createSnakeCase().toJson(view.blocks());
    byte[] png = summary.showsFigures() ? LoadChart.png(summary) : new byte[0];
    return new Rendered(summary, view.blocks().size(), json.length(), png.length);
  }

  /** What one rendering produced, kept so the work cannot be skipped. */
  private record Rendered(WeeklySummary summary, int blocks, int json, int png) {}

  /**
   * {@code HourReports.week} alone, in process: the SQL and the counting behind {@code /shift
   * hours}.
   */
  private void timeHoursInProcess(Database db) {
    Map<String, ZoneId> zones = new HashMap<>();
    year.members().forEach(m -> zones.put(m.id(), m.zone()));
    HourReports reports =
        new HourReports(
            new SessionStore(db, rules),
            (team, user) -> zones.get(user),
            hourLog,
            new SettableClock(END));
    Random r = new Random(options.seed + 1);
    Timings timings =
        measure(
            options.warmup,
            options.requests,
            () -> {
              String user = year.members().get(r.nextInt(year.members().size())).id();
              return reports.week(
                  SyntheticYear.TEAM, user, reports.currentWeek(SyntheticYear.TEAM, user, 0));
            });
    System.out.printf("HourReports.week in process: %s%n", timings);
  }

  /** The queries rest nudges make on raw activity, so a change to its table shows here too. */
  private void timeActivityQueries(Database db) {
    RestStore rest = new RestStore(db);
    Random r = new Random(options.seed + 2);
    Supplier<String> someone = () -> year.members().get(r.nextInt(year.members().size())).id();
    Timings breaks =
        measure(
            50,
            500,
            () ->
                rest.activity(
                    SyntheticYear.TEAM, someone.get(), END.minus(Duration.ofHours(12)), END));
    Timings channels =
        measure(
            50,
            500,
            () -> rest.channels(SyntheticYear.TEAM, someone.get(), END.minus(Duration.ofDays(14))));
    Timings active = measure(5, 50, () -> rest.activeSince(END.minus(Duration.ofMinutes(15))));
    System.out.printf(
        "rest queries: recent activity p99 %.2f ms, channels over 14 days p99 %.2f ms,"
            + " active lately p99 %.2f ms%n",
        breaks.p99(), channels.p99(), active.p99());
  }

  /**
   * Collects the garbage of the phase before, so that loading millions of events is not paid for in
   * the first timings of the next phase; each timed run still pays for its own garbage.
   */
  private static void settle() {
    System.gc();
  }

  private static Timings measure(int warmup, int runs, Supplier<?> work) {
    long[] nanos = new long[runs];
    Object sink = null;
    for (int i = -warmup; i < runs; i++) {
      long t0 = System.nanoTime();
      sink = work.get();
      if (i >= 0) {
        nanos[i] = System.nanoTime() - t0;
      }
    }
    if (sink == null) {
      throw new IllegalStateException("no result");
    }
    return Timings.of(nanos);
  }

  /** Bytes per event of a compacted copy (VACUUM INTO), and where they go, from dbstat. */
  private double measureSize(long events) throws SQLException, java.io.IOException {
    long live = Files.size(file);
    Path copy = dir.resolve("vacuumed.db");
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.createStatement().execute("VACUUM INTO '" + copy + "'");
    }
    long compact = Files.size(copy);
    double perEvent = compact / (double) events;
    System.out.printf(
        "size: %.1f MB after checkpoint (%.1f bytes/event), %.1f MB after VACUUM (%.1f s):"
            + " %.1f bytes/event [target <= 100]%n",
        live / 1e6,
        live / (double) events,
        compact / 1e6,
        (System.nanoTime() - start) / 1e9,
        perEvent);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name HAVING SUM(pgsize) > 65536 ORDER BY 2 DESC")) {
      StringBuilder parts = new StringBuilder("      by table and index (bytes/event):");
      while (rs.next()) {
        parts.append(
            String.format(
                Locale.ROOT, " %s %.1f,", rs.getString(1), rs.getLong(2) / (double) events));
      }
      System.out.println(parts.substring(0, parts.length() - 1));
    }
    Files.delete(copy);
    return perEvent;
  }

  /**
   * {@code /shift hours} for random members, signed, over HTTP, against the real bot on this file.
   */
  private Timings timeHoursOverHttp() throws Exception {
    SettableClock clock = new SettableClock(END);
    try (SlackStandIn slack = SlackStandIn.start(clock)) {
      year.members()
          .forEach(m -> slack.addUser(m.id(), m.id().toLowerCase(Locale.ROOT), m.zone().getId()));
      try (Bot bot = Bot.start(RunningBot.settings(Mode.HTTP, slack, file), clock)) {
        settle();
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
        URI endpoint = URI.create("http://127.0.0.1:" + bot.port() + "/slack/events");
        RequestGuard signer = new RequestGuard(RunningBot.SECRET, clock);
        Random r = new Random(options.seed + 3);
        int[] bad = {0};
        Timings timings =
            measure(
                options.warmup,
                options.requests,
                () -> {
                  String user = year.members().get(r.nextInt(year.members().size())).id();
                  HttpResponse<String> reply = send(http, endpoint, signer, clock, user);
                  if (reply.statusCode() != 200 || !reply.body().contains("Total")) {
                    bad[0]++;
                  }
                  return reply;
                });
        System.out.printf(
            "/shift hours over signed HTTP: %s, %d unexpected answers [target p99 <= 20 ms]%n",
            timings, bad[0]);
        return timings;
      }
    }
  }

  private static HttpResponse<String> send(
      HttpClient http, URI endpoint, RequestGuard signer, SettableClock clock, String user) {
    String body =
        "token=unused&team_id="
            + SyntheticYear.TEAM
            + "&team_domain=bench&channel_id="
            + SyntheticYear.CHANNEL
            + "&channel_name=team&user_id="
            + user
            + "&user_name="
            + user
            + "&command="
            + URLEncoder.encode("/shift", StandardCharsets.UTF_8)
            + "&text=hours&api_app_id=A0BENCH"
            + "&response_url="
            + URLEncoder.encode("https://hooks.example.invalid/1", StandardCharsets.UTF_8)
            + "&trigger_id=1.2.3";
    String ts = Long.toString(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("request to the bot failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long count(Database db, String sql) {
    return db.read(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Command-line flags; defaults are the issue's. */
  private static final class Options {
    int members = 1_000;
    int days = 365;
    int runs = 100;
    int requests = 2_000;
    int warmup = 500;
    long seed = 42;
    boolean keep;

    static Options parse(String[] args) {
      Options o = new Options();
      List<String> rest = new ArrayList<>(List.of(args));
      while (!rest.isEmpty()) {
        String flag = rest.remove(0);
        if (flag.equals("--keep")) {
          o.keep = true;
          continue;
        }
        if (rest.isEmpty()) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = rest.remove(0);
        switch (flag) {
          case "--members" -> o.members = positive(flag, value);
          case "--days" -> o.days = positive(flag, value);
          case "--runs" -> o.runs = positive(flag, value);
          case "--requests" -> o.requests = positive(flag, value);
          case "--warmup" -> o.warmup = Integer.parseInt(value);
          case "--seed" -> o.seed = Long.parseLong(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown flag "
                      + flag
                      + "; use --members --days --runs --requests --warmup --seed --keep");
        }
      }
      return o;
    }

    private static int positive(String flag, String value) {
      int n = Integer.parseInt(value);
      if (n < 1) {
        throw new IllegalArgumentException(flag + " must be at least 1, was " + value);
      }
      return n;
    }
  }
}
