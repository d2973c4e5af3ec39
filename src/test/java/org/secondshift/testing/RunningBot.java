package org.secondshift.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.secondshift.Bot;
import org.secondshift.config.Distribution;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.store.DatabaseLocation;

/** The real bot on a free port, wired to the Slack stand-in and a fresh SQLite file. */
public final class RunningBot implements AutoCloseable {
  public static final String SECRET = "test-signing-secret";
  public static final String TOKEN = "xoxb-test-token";
  public static final String CLIENT_ID = "1234.5678";
  public static final String CLIENT_SECRET = "test-client-secret";

  /** The key that seals installed workspaces' tokens in distributed tests (32 bytes, base64). */
  public static final String TOKEN_KEY = "c2Vjb25kLXNoaWZ0LXRlc3QtdG9rZW4ta2V5LTMyYnk=";

  /** The channels the tests talk in; the bot was invited to each, as a working install would be. */
  public static final List<String> CHANNELS =
      List.of("C1", "C2", "C3", "C9", "C0OPS", "C0TEAM", "C0GENERAL", "C0TRAIN", "C0EVALS");

  public final SettableClock clock;

  /** How the stand-in's trigger ids age: real time, which a test may move ahead. */
  public final Ticker ticker;

  public final SlackStandIn slack;

  /** The SQLite file, or null on PostgreSQL. */
  public final Path database;

  public final DatabaseLocation location;
  public Bot bot;
  public SlackRequests requests;
  private boolean distributed;

  private RunningBot(
      SettableClock clock, Ticker ticker, SlackStandIn slack, DatabaseLocation location, Bot bot) {
    this.clock = clock;
    this.ticker = ticker;
    this.slack = slack;
    this.location = location;
    this.database = location.sqliteFile().orElse(null);
    this.bot = bot;
    this.requests = new SlackRequests(bot.port(), SECRET, clock, slack);
  }

  /** HTTP mode at {@code now}, with users added to the stand-in by the caller afterwards. */
  public static RunningBot http(Path dir, Instant now) throws Exception {
    return start(now, DatabaseLocation.sqlite(dir.resolve("bot.db")));
  }

  /** As {@link #http(Path, Instant)}, on a new database of {@code vendor}, migrated, no rows. */
  public static RunningBot http(Path dir, Instant now, Vendor vendor) throws Exception {
    return start(now, vendor.migrated(dir));
  }

  /**
   * Installed by many workspaces through OAuth, on a new database of {@code vendor}: the stand-in
   * knows the app's credentials and sends installers back to this bot's redirect page; with {@code
   * rotating}, tokens expire after 12 hours.
   */
  public static RunningBot distributed(Path dir, Instant now, Vendor vendor, boolean rotating)
      throws Exception {
    DatabaseLocation db = vendor.migrated(dir);
    SettableClock clock = new SettableClock(now);
    Ticker ticker = new Ticker();
    SlackStandIn slack = withTestChannels(SlackStandIn.start(clock, 0, ticker));
    Settings settings = distributedSettings(slack, db);
    Bot bot = Bot.start(settings, clock);
    slack.registerApp(
        CLIENT_ID,
        CLIENT_SECRET,
        URI.create("http://127.0.0.1:" + bot.port() + "/slack/oauth_redirect"),
        rotating);
    RunningBot running = new RunningBot(clock, ticker, slack, db, bot);
    running.distributed = true;
    return running;
  }

  public static Settings distributedSettings(SlackStandIn slack, DatabaseLocation db) {
    return settings(Mode.HTTP, slack, db, null)
        .distributedAs(
            new Distribution(
                CLIENT_ID,
                CLIENT_SECRET,
                java.util.Base64.getDecoder().decode(TOKEN_KEY),
                null,
                URI.create(slack.apiUrl()).resolve("../oauth/v2/authorize").normalize()));
  }

  private static RunningBot start(Instant now, DatabaseLocation db) throws Exception {
    SettableClock clock = new SettableClock(now);
    Ticker ticker = new Ticker();
    SlackStandIn slack = withTestChannels(SlackStandIn.start(clock, 0, ticker));
    return new RunningBot(
        clock, ticker, slack, db, Bot.start(settings(Mode.HTTP, slack, db), clock));
  }

  public static Settings settings(Mode mode, SlackStandIn slack, Path db) {
    return settings(mode, slack, DatabaseLocation.sqlite(db));
  }

  /** Adds {@link #CHANNELS} to the stand-in with the bot in each; returns the stand-in. */
  public static SlackStandIn withTestChannels(SlackStandIn slack) {
    for (String channel : CHANNELS) {
      slack.addChannel(channel, channel.toLowerCase(Locale.ROOT));
      slack.invite(channel, slack.botUserId());
    }
    return slack;
  }

  public static Settings settings(Mode mode, SlackStandIn slack, DatabaseLocation db) {
    return settings(mode, slack, db, TOKEN);
  }

  public static Settings settings(
      Mode mode, SlackStandIn slack, DatabaseLocation db, String botToken) {
    return new Settings(
        mode,
        botToken,
        mode == Mode.HTTP ? SECRET : null,
        mode == Mode.SOCKET ? "xapp-test-token" : null,
        URI.create(slack.apiUrl()),
        0,
        db,
        Duration.ofMinutes(30),
        Duration.ofMinutes(10),
        LocalTime.of(22, 0),
        LocalTime.of(7, 0));
  }

  /** Stops the bot and starts a new one on the same database, stand-in and clock; returns this. */
  public RunningBot restart() throws Exception {
    return restartWithToken(TOKEN);
  }

  /** As {@link #restart()}, with another bot token, as after reinstalling the app. */
  public RunningBot restartWithToken(String botToken) throws Exception {
    bot.close();
    bot =
        Bot.start(
            distributed
                ? distributedSettings(slack, location)
                : settings(Mode.HTTP, slack, location, botToken),
            clock);
    requests = new SlackRequests(bot.port(), SECRET, clock, slack);
    return this;
  }

  /** As {@link #restart()}, with settings changed by {@code change} (e.g. to serve metrics). */
  public RunningBot restartWith(UnaryOperator<Settings> change) throws Exception {
    bot.close();
    bot =
        Bot.start(
            change.apply(
                distributed
                    ? distributedSettings(slack, location)
                    : settings(Mode.HTTP, slack, location, TOKEN)),
            clock);
    requests = new SlackRequests(bot.port(), SECRET, clock, slack);
    return this;
  }

  public long count(String sql) {
    return DbPeek.count(location, sql);
  }

  /** The rows of {@code sql}, each as its columns joined by {@code |}. */
  public java.util.List<String> rows(String sql) {
    return DbPeek.rows(location, sql);
  }

  @Override
  public void close() throws Exception {
    bot.close();
    slack.close();
  }
}
