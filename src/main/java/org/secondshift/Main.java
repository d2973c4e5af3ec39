package org.secondshift;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.secondshift.config.CannotStartException;
import org.secondshift.config.EnvironmentSettings;
import org.secondshift.config.InvalidSettingsException;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.sandbox.Sandbox;
import org.secondshift.sandbox.seed.SeedAppliers;
import org.secondshift.slack.SlackApp;
import org.secondshift.slack.SlackIdentity;
import org.secondshift.slack.install.InstallFlow;
import org.secondshift.store.Backup;
import org.secondshift.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the settings, starts the bot, and stops it cleanly on shutdown. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = EnvironmentSettings.read(System.getenv());
    } catch (InvalidSettingsException e) {
      System.err.println("Second Shift cannot start:");
      e.problems().forEach(p -> System.err.println("  - " + p));
      System.err.println("See README.md, section Settings.");
      System.exit(2);
      return;
    }
    if (args.length > 0 && args[0].equals("backup")) {
      System.exit(backup(settings, List.of(args).subList(1, args.length)));
      return;
    }
    if (settings.mode() == Mode.SANDBOX) {
      startSandbox(settings, List.of(args).contains("--reset"));
      return;
    }
    Bot bot;
    try {
      if (settings.distributed()) {
        bot = Bot.start(settings, Clock.systemUTC());
        log.info(
            "Second Shift is up on port {}, installed by workspaces through {} ({})",
            bot.port(),
            InstallFlow.INSTALL_PATH,
            settings);
      } else {
        SlackIdentity.Identity identity =
            new SlackIdentity(
                    SlackApp.client(settings).methods(settings.botToken()),
                    settings.apiUrl(),
                    SlackIdentity.sleeping())
                .await();
        bot = Bot.start(settings, Clock.systemUTC());
        log.info(
            "Second Shift is up in {} mode on port {} as {} in workspace {} ({}) ({})",
            settings.mode(),
            bot.port(),
            identity.botUserId(),
            identity.team(),
            identity.teamId(),
            settings);
      }
    } catch (CannotStartException | StoreException e) {
      // A refused token, a busy port, a database that cannot be reached or is newer than this
      // release: one line that says what to do.
      System.err.println("Second Shift cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bot), "shutdown"));
  }

  /**
   * On SIGTERM: the bot's own orderly stop, and if that has not ended a few seconds after its grace
   * period (a job that hangs), a hard stop. Nothing acknowledged is lost either way: every event is
   * stored before its answer, and an unsent message is sent after the restart.
   */
  private static void stop(Bot bot) {
    Thread closing =
        new Thread(
            () -> {
              try {
                bot.close();
              } catch (Exception e) {
                log.warn("shutdown was not clean: {}", e.toString());
              }
            },
            "closing");
    closing.setDaemon(true);
    closing.start();
    try {
      closing.join(bot.grace().plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closing.isAlive()) {
      log.error("did not stop within {}; stopping at once", bot.grace());
      Runtime.getRuntime().halt(1);
    }
  }

  /**
   * {@code backup FILE}: a consistent copy of the SQLite database, with the same settings as the
   * bot, while it runs. Returns the exit code: 0 when copied and checked, 2 when it cannot be done
   * as asked (with one line saying why), 1 when SQLite failed.
   */
  private static int backup(Settings settings, List<String> args) {
    if (args.size() != 1 || args.get(0).startsWith("-")) {
      System.err.println("Usage: java -jar second-shift.jar backup FILE   (FILE must not exist)");
      return 2;
    }
    try {
      Backup.Copy copy = Backup.sqliteCopy(settings.database(), Path.of(args.get(0)));
      System.out.printf(
          "Backed up %s to %s: %,d bytes, %,d activity rows; checked.%n",
          settings.database(), copy.file(), copy.bytes(), copy.activityRows());
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("Cannot back up: " + e.getMessage());
      return 2;
    } catch (StoreException e) {
      System.err.println("Backup failed: " + e.getMessage());
      return 1;
    }
  }

  /** No tokens: the bot against the in-process Slack stand-in, with the workspace page. */
  private static void startSandbox(Settings settings, boolean reset) throws Exception {
    Clock clock = Clock.systemUTC();
    Instant started = clock.instant();
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(settings, clock, Path.of("seeds"), SeedAppliers.standard(), reset);
    } catch (IllegalArgumentException | CannotStartException | StoreException e) {
      // A seed a person edited by hand, or a busy port: say what to fix, without a stack trace.
      System.err.println("The sandbox cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    log.info(
        "Second Shift is up in SANDBOX mode on port {} with the Slack stand-in at {}, database {}",
        sandbox.port(),
        sandbox.slack().apiUrl(),
        settings.database());
    System.out.printf(
        "%nSecond Shift sandbox is running (%d ms): open %s%n"
            + "No Slack tokens are set, so the bot talks to a local stand-in of Slack seeded from seeds/.%n"
            + "Reset it from the page, or start with bin/run --reset.%n%n",
        Duration.between(started, clock.instant()).toMillis(), sandbox.url());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sandbox.close();
                  } catch (Exception e) {
                    log.warn("shutdown was not clean: {}", e.toString());
                  }
                },
                "shutdown"));
  }
}
