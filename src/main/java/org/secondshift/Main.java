package org.secondshift;

import java.time.Clock;
import org.secondshift.config.EnvironmentSettings;
import org.secondshift.config.InvalidSettingsException;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
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
    if (settings.mode() == Mode.SANDBOX) {
      System.err.println("No Slack tokens are set, and the local sandbox is not part of this build yet.");
      System.err.println("Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode),"
          + " or SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode). See README.md.");
      System.exit(2);
      return;
    }
    Bot bot = Bot.start(settings, Clock.systemUTC());
    log.info("Second Shift is up in {} mode on port {} ({})", settings.mode(), bot.port(), settings);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        bot.close();
      } catch (Exception e) {
        log.warn("shutdown was not clean: {}", e.toString());
      }
    }, "shutdown"));
  }
}
