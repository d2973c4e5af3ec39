package org.secondshift.sandbox;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secondshift.Bot;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.hours.SessionRules;
import org.secondshift.sandbox.seed.Seed;
import org.secondshift.sandbox.seed.SeedAppliers;
import org.secondshift.sandbox.seed.SeedLoader;
import org.secondshift.store.Database;
import org.secondshift.store.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox mode: the real bot, wired over real HTTP to the in-process Slack stand-in, loaded from
 * the seed, with the workspace page on the bot's own port. Reset starts both again from scratch.
 */
public final class Sandbox implements AutoCloseable {
  /** The bot token the sandbox gives the bot; the stand-in accepts any token. */
  public static final String BOT_TOKEN = "xoxb-sandbox";

  private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

  private final Settings settings;
  private final Clock clock;
  private final Path seedDir;
  private final SeedAppliers appliers;
  private final String signingSecret;
  private int port;
  private int generation;
  private SlackStandIn slack;
  // Read without the lock by the page's API, which a reset (holding the lock) must not block.
  private volatile Bot bot;
  private ScheduledExecutorService keeper;
  private Runnable lastSave;

  private Sandbox(Settings settings, Clock clock, Path seedDir, SeedAppliers appliers) {
    this.settings = settings;
    this.clock = clock;
    this.seedDir = seedDir;
    this.appliers = appliers;
    this.signingSecret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    this.port = settings.port();
  }

  /**
   * Starts the sandbox; with {@code fresh}, or when the database file does not exist yet, the
   * database is replaced by the seed's history.
   */
  public static Sandbox start(
      Settings settings, Clock clock, Path seedDir, SeedAppliers appliers, boolean fresh)
      throws Exception {
    if (settings.mode() != Mode.SANDBOX) {
      throw new IllegalArgumentException("the sandbox needs settings without Slack tokens");
    }
    Sandbox sandbox = new Sandbox(settings, clock, seedDir, appliers);
    sandbox.startGeneration(fresh);
    return sandbox;
  }

  /** The workspace page. */
  public synchronized URI url() {
    return URI.create("http://localhost:" + port + "/");
  }

  public synchronized int port() {
    return port;
  }

  /** The current stand-in; a reset replaces it. */
  public synchronized SlackStandIn slack() {
    return slack;
  }

  /** The current bot; a reset replaces it. */
  public synchronized Bot bot() {
    return bot;
  }

  /** Stops the bot and the stand-in, deletes the database, and starts both again from the seed. */
  public synchronized void reset() throws Exception {
    stopGeneration();
    startGeneration(true);
    log.info("sandbox reset from {}", seedDir);
  }

  /** Resets on another thread, so that a request served by the bot itself can ask for it. */
  public void resetSoon() {
    Thread thread =
        new Thread(
            () -> {
              try {
                reset();
              } catch (Exception e) {
                log.error("sandbox reset failed: {}", e.toString(), e);
              }
            },
            "sandbox-reset");
    // Not a daemon: the new Jetty's threads inherit this, and they are what keeps the process
    // alive.
    thread.setDaemon(false);
    thread.start();
  }

  private void startGeneration(boolean fresh) throws Exception {
    Seed seed = Seed.read(seedDir);
    Path db =
        settings
            .database()
            .sqliteFile()
            .orElseThrow(() -> new IllegalStateException("the sandbox runs on a SQLite file"));
    boolean loadHistory = fresh || !Files.exists(db);
    if (fresh) {
      deleteDatabase(db);
    }
    Path kept = keptState(db);
    if (loadHistory) {
      Files.deleteIfExists(kept);
    }
    Instant now = clock.instant();
    SlackStandIn standIn = SlackStandIn.start(clock, 0);
    try {
      SeedLoader loader = new SeedLoader(appliers);
      if (Files.exists(kept)) {
        // A plain restart: Slack would still have every conversation, so the stand-in does too.
        loader.seedPeopleAndChannels(seed, standIn, now);
        standIn.restoreState(Files.readString(kept, StandardCharsets.UTF_8));
        log.info("sandbox conversations kept from {}", kept);
      } else {
        loader.seedStandIn(seed, standIn, now);
      }
      if (loadHistory) {
        try (Database database = Database.open(db)) {
          SessionRules rules = new SessionRules(settings.sessionGap(), settings.sessionTail());
          loader.seedDatabase(seed, standIn, database, new SessionStore(database, rules), now);
        }
      }
      generation++;
      Workspace workspace = new Workspace(standIn, seed, clock, generation);
      SlackPayloads payloads = new SlackPayloads(clock, standIn::mintTrigger);
      Interactions interactions =
          new Interactions(workspace, payloads, new SlackDelivery(signingSecret, clock));
      Map<String, HttpServlet> servlets =
          Map.of(
              "/sandbox/api/*",
                  new WorkspaceApi(
                      workspace,
                      interactions,
                      this::resetSoon,
                      clock,
                      () -> Optional.ofNullable(bot).map(b -> b.parts().rotations())),
              "/", new PageServlet());
      // The feature sections go in through the bot's own services, before its schedules start, so
      // the first catch-up, rest check and summary run see them like state found after a restart.
      Bot served = Bot.serve(botSettings(standIn), clock, servlets);
      try {
        if (loadHistory) {
          loader.applySections(seed, served.parts(), standIn.teamId(), now);
        }
        this.bot = served.begin(clock);
      } catch (Exception | Error e) {
        served.close();
        throw e;
      }
      this.slack = standIn;
      this.port = bot.port();
      this.keeper = keeper(standIn, kept);
    } catch (Exception | Error e) {
      standIn.close();
      throw e;
    }
  }

  private Settings botSettings(SlackStandIn standIn) {
    return new Settings(
            Mode.HTTP,
            BOT_TOKEN,
            signingSecret,
            null,
            URI.create(standIn.apiUrl()),
            port,
            settings.database(),
            settings.sessionGap(),
            settings.sessionTail(),
            settings.lateNightFrom(),
            settings.lateNightTo(),
            settings.rest())
        .withOperations(settings.operations());
  }

  /** Where the stand-in's conversations are kept between runs: next to the database. */
  static Path keptState(Path db) {
    return Path.of(db + ".slack.json");
  }

  /**
   * Writes the stand-in's state to {@code file} whenever it changed, every second, and once more
   * when the sandbox stops; each write replaces the file whole, so a crash leaves the last one.
   */
  private ScheduledExecutorService keeper(SlackStandIn standIn, Path file) {
    ScheduledExecutorService keeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sandbox-keeper");
              t.setDaemon(true);
              return t;
            });
    String[] written = {null};
    Runnable save =
        () -> {
          try {
            String state = standIn.savedState();
            if (!state.equals(written[0])) {
              Path partial = Path.of(file + ".partial");
              Files.writeString(partial, state, StandardCharsets.UTF_8);
              Files.move(
                  partial,
                  file,
                  StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.ATOMIC_MOVE);
              written[0] = state;
            }
          } catch (IOException | RuntimeException e) {
            log.warn("could not keep the sandbox conversations in {}: {}", file, e.toString());
          }
        };
    keeper.scheduleWithFixedDelay(save, 1, 1, TimeUnit.SECONDS);
    lastSave = save;
    return keeper;
  }

  private void stopGeneration() throws Exception {
    if (keeper != null) {
      keeper.shutdown();
      keeper.awaitTermination(5, TimeUnit.SECONDS);
      lastSave.run();
      keeper = null;
    }
    if (bot != null) {
      bot.close();
      bot = null;
    }
    if (slack != null) {
      slack.close();
      slack = null;
    }
  }

  private static void deleteDatabase(Path db) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
  }

  @Override
  public synchronized void close() throws Exception {
    stopGeneration();
  }
}
