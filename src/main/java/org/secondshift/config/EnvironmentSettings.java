package org.secondshift.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secondshift.rest.QuietHours;
import org.secondshift.rest.RestPrefs;
import org.secondshift.rest.RestRules;
import org.secondshift.store.DatabaseLocation;

/** Reads {@link Settings} from environment variables and reports every problem at once. */
public final class EnvironmentSettings {
  public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String CLIENT_ID = "SLACK_CLIENT_ID";
  public static final String CLIENT_SECRET = "SLACK_CLIENT_SECRET";
  public static final String REDIRECT_URI = "SLACK_REDIRECT_URI";
  public static final String TOKEN_KEY = "SECOND_SHIFT_TOKEN_KEY";
  public static final String API_URL = "SLACK_API_URL";
  public static final String PORT = "PORT";
  public static final String DATABASE = "SECOND_SHIFT_DB";
  public static final String DATABASE_URL = "SECOND_SHIFT_DATABASE_URL";
  public static final String DATABASE_USER = "SECOND_SHIFT_DATABASE_USER";
  public static final String DATABASE_PASSWORD = "SECOND_SHIFT_DATABASE_PASSWORD";
  public static final String SESSION_GAP = "SECOND_SHIFT_SESSION_GAP";
  public static final String SESSION_TAIL = "SECOND_SHIFT_SESSION_TAIL";
  public static final String LATE_NIGHT = "SECOND_SHIFT_LATE_NIGHT";
  public static final String REST_STRETCH = "SECOND_SHIFT_REST_STRETCH";
  public static final String REST_BREAK = "SECOND_SHIFT_REST_BREAK";
  public static final String REST_DAILY_LIMIT = "SECOND_SHIFT_REST_DAILY_LIMIT";
  public static final String REST_QUIET = "SECOND_SHIFT_REST_QUIET";
  public static final String REST_COOLDOWN = "SECOND_SHIFT_REST_COOLDOWN";
  public static final String REST_MAX_PER_DAY = "SECOND_SHIFT_REST_MAX_PER_DAY";
  public static final String REST_CHECK_EVERY = "SECOND_SHIFT_REST_CHECK_EVERY";
  public static final String SHUTDOWN_GRACE = "SECOND_SHIFT_SHUTDOWN_GRACE";
  public static final String RETENTION = "SECOND_SHIFT_RETENTION";
  public static final String FAST_PATH = "SECOND_SHIFT_FAST_PATH";
  public static final String METRICS_PORT = "SECOND_SHIFT_METRICS_PORT";
  public static final String REST_DAYS_IN_A_ROW = "SECOND_SHIFT_REST_DAYS_IN_A_ROW";

  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m(?:in)?)?\\s*(?:(\\d+)s)?");

  /** The periodic rest check may run this often at most; it reads every open stretch. */
  static final Duration SHORTEST_CHECK = Duration.ofSeconds(10);

  private static final Pattern WINDOW =
      Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private EnvironmentSettings(Map<String, String> env) {
    this.env = env;
  }

  /** Reads and validates; throws {@link InvalidSettingsException} naming each bad variable. */
  public static Settings read(Map<String, String> env) {
    return new EnvironmentSettings(env).read();
  }

  private Settings read() {
    String bot = value(BOT_TOKEN);
    String secret = value(SIGNING_SECRET);
    String app = value(APP_TOKEN);
    boolean distributed = value(CLIENT_ID) != null || value(CLIENT_SECRET) != null;
    Mode mode = distributed ? distributedMode(bot, secret, app) : mode(bot, secret, app);
    URI apiUrl = apiUrl();
    Distribution distribution = distributed ? distribution(apiUrl) : null;
    int port = port();
    DatabaseLocation db = database(mode);
    Duration gap = duration(SESSION_GAP, Duration.ofMinutes(30));
    Duration tail = duration(SESSION_TAIL, Duration.ofMinutes(10));
    if (gap != null && gap.compareTo(Duration.ofMinutes(1)) < 0) {
      problems.add(SESSION_GAP + " must be at least 1m.");
    }
    LocalTime[] lateNight = window(LATE_NIGHT, "22:00-07:00");
    RestRules rest = rest(lateNight);
    Operations operations = operations();
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new Settings(
        mode,
        bot,
        secret,
        app,
        apiUrl,
        port,
        db,
        gap,
        tail,
        lateNight[0],
        lateNight[1],
        rest,
        distribution,
        operations);
  }

  /** The bound on a stop, how long rows are kept, the metrics port and the fast path. */
  private Operations operations() {
    Operations d = Operations.DEFAULTS;
    Duration grace = duration(SHUTDOWN_GRACE, d.shutdownGrace());
    if (grace.compareTo(Duration.ofSeconds(1)) < 0 || grace.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.add(
          SHUTDOWN_GRACE + " must be between 1s and 10m, not '" + value(SHUTDOWN_GRACE) + "'.");
      grace = d.shutdownGrace();
    }
    Duration retention = days(RETENTION, d.retention());
    int metrics = 0;
    String rawMetrics = value(METRICS_PORT);
    if (rawMetrics != null) {
      try {
        metrics = Integer.parseInt(rawMetrics);
      } catch (NumberFormatException e) {
        metrics = -1;
      }
      if (metrics < 1 || metrics > 65_535) {
        problems.add(
            METRICS_PORT + " must be a port between 1 and 65535, not '" + rawMetrics + "'.");
        metrics = 0;
      }
    }
    boolean fastPath = d.fastPath();
    String rawFast = value(FAST_PATH);
    if (rawFast != null) {
      switch (rawFast.toLowerCase(Locale.ROOT)) {
        case "on" -> fastPath = true;
        case "off" -> fastPath = false;
        default -> problems.add(FAST_PATH + " must be on or off, not '" + rawFast + "'.");
      }
    }
    return new Operations(grace, retention, metrics, fastPath);
  }

  /** A whole number of days, written {@code 400} or {@code 400d}; {@code 0} is allowed. */
  private Duration days(String name, Duration fallback) {
    String raw = value(name);
    if (raw == null) {
      return fallback;
    }
    String digits = raw.toLowerCase(Locale.ROOT).replaceFirst("d$", "");
    try {
      long days = Long.parseLong(digits);
      if (days >= 0 && days <= 36_500) {
        return Duration.ofDays(days);
      }
    } catch (NumberFormatException e) {
      // Said below.
    }
    problems.add(
        name + " must be a number of days such as 400d (0 keeps everything), not '" + raw + "'.");
    return fallback;
  }

  /** Many workspaces through OAuth: HTTP mode, the app's credentials, no single bot token. */
  private Mode distributedMode(String bot, String secret, String app) {
    if (bot != null) {
      problems.add(
          "Set "
              + BOT_TOKEN
              + " to serve one workspace, or "
              + CLIENT_ID
              + " and "
              + CLIENT_SECRET
              + " to let workspaces install the app, not both.");
    }
    if (app != null) {
      problems.add(
          "Installing through OAuth needs HTTP mode (Slack sends installers back to a web page):"
              + " unset "
              + APP_TOKEN
              + ".");
    }
    if (secret == null) {
      problems.add(SIGNING_SECRET + " is required (Basic Information, App Credentials).");
    }
    return Mode.HTTP;
  }

  private Distribution distribution(URI apiUrl) {
    String id = value(CLIENT_ID);
    String secret = value(CLIENT_SECRET);
    if (id == null || secret == null) {
      problems.add(
          "Set both "
              + CLIENT_ID
              + " and "
              + CLIENT_SECRET
              + " (Basic Information, App Credentials) to let workspaces install the app.");
    }
    String rawKey = value(TOKEN_KEY);
    byte[] key = null;
    String make = " Make one with: openssl rand -base64 32";
    if (rawKey == null) {
      problems.add(
          TOKEN_KEY
              + " is required: it encrypts each workspace's token in the database (32 random"
              + " bytes in base64)."
              + make);
    } else {
      try {
        key = org.secondshift.install.TokenCipher.parseKey(rawKey);
      } catch (IllegalArgumentException e) {
        problems.add(TOKEN_KEY + " " + e.getMessage() + "." + make);
      }
    }
    URI redirect = null;
    String rawRedirect = value(REDIRECT_URI);
    if (rawRedirect != null) {
      try {
        redirect = URI.create(rawRedirect);
        if (redirect.getHost() == null
            || !("https".equals(redirect.getScheme()) || "http".equals(redirect.getScheme()))) {
          problems.add(
              REDIRECT_URI
                  + " must be the https URL of /slack/oauth_redirect, not '"
                  + rawRedirect
                  + "'.");
        }
      } catch (IllegalArgumentException e) {
        problems.add(REDIRECT_URI + " is not a URL: " + quoted(rawRedirect));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    // Slack's authorize page sits next to its Web API: https://slack.com/oauth/v2/authorize.
    return new Distribution(
        id, secret, key, redirect, apiUrl.resolve("../oauth/v2/authorize").normalize());
  }

  /** PostgreSQL when its URL is set, else the SQLite file (a default one per mode). */
  private DatabaseLocation database(Mode mode) {
    String url = value(DATABASE_URL);
    if (url == null) {
      if (value(DATABASE_USER) != null || value(DATABASE_PASSWORD) != null) {
        problems.add(DATABASE_USER + " and " + DATABASE_PASSWORD + " need " + DATABASE_URL + ".");
      }
      String file = value(DATABASE);
      return DatabaseLocation.sqlite(
          Path.of(file != null ? file : mode == Mode.SANDBOX ? "sandbox.db" : "second-shift.db"));
    }
    if (mode == Mode.SANDBOX) {
      problems.add(
          "The sandbox (no Slack tokens set) runs on a SQLite file: unset "
              + DATABASE_URL
              + " or set the Slack tokens.");
    }
    if (value(DATABASE) != null) {
      problems.add("Set " + DATABASE + " (a SQLite file) or " + DATABASE_URL + ", not both.");
    }
    if (!url.matches("jdbc:postgresql://[^/?#\\s]+(:\\d+)?/[^/?#\\s]+(\\?\\S*)?")) {
      problems.add(
          DATABASE_URL
              + " must look like jdbc:postgresql://host:5432/database, not '"
              + quoted(url)
              + "'.");
      return DatabaseLocation.sqlite(Path.of("second-shift.db"));
    }
    return DatabaseLocation.postgres(url, value(DATABASE_USER), value(DATABASE_PASSWORD));
  }

  /** A value as quoted back in a problem: short, and never a password from a URL. */
  private static String quoted(String raw) {
    String shown = raw.replaceAll("(?i)(password=)[^&]*", "$1***");
    return shown.length() <= 80 ? shown : shown.substring(0, 80) + "…";
  }

  /** Rest nudge defaults; quiet hours default to the late-night window. */
  private RestRules rest(LocalTime[] lateNight) {
    RestRules d = RestRules.defaults();
    LocalTime[] quiet = value(REST_QUIET) == null ? lateNight : window(REST_QUIET, "22:00-07:00");
    Duration stretch = duration(REST_STRETCH, d.stretch());
    Duration pause = duration(REST_BREAK, d.breakLength());
    Duration limit = duration(REST_DAILY_LIMIT, d.dailyLimit());
    Duration cooldown = duration(REST_COOLDOWN, d.cooldown());
    Duration every = duration(REST_CHECK_EVERY, d.checkEvery());
    int perDay = count(REST_MAX_PER_DAY, d.maxPerDay(), 1, 24);
    int inARow = count(REST_DAYS_IN_A_ROW, d.daysInARow(), 2, 14);
    for (Map.Entry<String, Duration> e :
        Map.of(REST_STRETCH, stretch, REST_BREAK, pause, REST_COOLDOWN, cooldown).entrySet()) {
      if (e.getValue().compareTo(Duration.ofMinutes(1)) < 0) {
        problems.add(e.getKey() + " must be at least 1m.");
      }
    }
    if (!RestPrefs.allowsDailyLimit(limit)) {
      problems.add(REST_DAILY_LIMIT + " must be between 1h and 16h, like 9h or 8h30m.");
    }
    if (every.compareTo(SHORTEST_CHECK) < 0) {
      problems.add(REST_CHECK_EVERY + " must be at least 10s.");
    }
    if (!problems.isEmpty()) {
      return d;
    }
    return new RestRules(
        stretch,
        pause,
        limit,
        new QuietHours(quiet[0], quiet[1]),
        cooldown,
        perDay,
        every,
        inARow,
        d.workedDay());
  }

  private int count(String name, int fallback, int min, int max) {
    String raw = value(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        name + " must be a whole number from " + min + " to " + max + ", not '" + raw + "'.");
    return fallback;
  }

  private Mode mode(String bot, String secret, String app) {
    if (bot == null && secret == null && app == null) {
      return Mode.SANDBOX;
    }
    if (bot == null) {
      problems.add(BOT_TOKEN + " is required (the Bot User OAuth Token, xoxb-...).");
    } else if (!bot.startsWith("xoxb-")) {
      problems.add(BOT_TOKEN + " must be a bot token starting with xoxb-.");
    }
    if (app != null) {
      if (!app.startsWith("xapp-")) {
        problems.add(APP_TOKEN + " must be an app-level token starting with xapp-.");
      }
      return Mode.SOCKET;
    }
    if (secret == null) {
      problems.add(
          "Set "
              + SIGNING_SECRET
              + " for HTTP mode, or "
              + APP_TOKEN
              + " (xapp-...) for Socket Mode.");
    }
    return Mode.HTTP;
  }

  private URI apiUrl() {
    String raw = value(API_URL);
    if (raw == null) {
      return Settings.SLACK_API;
    }
    try {
      URI uri = URI.create(raw.endsWith("/") ? raw : raw + "/");
      if (uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        problems.add(API_URL + " must be an http(s) URL such as https://slack.com/api/.");
      }
      return uri;
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(API_URL + " is not a URL: " + raw);
      return Settings.SLACK_API;
    }
  }

  private int port() {
    String raw = value(PORT);
    if (raw == null) {
      return 3000;
    }
    try {
      int port = Integer.parseInt(raw);
      if (port < 1 || port > 65_535) {
        problems.add(PORT + " must be between 1 and 65535, not " + raw + ".");
      }
      return Math.max(0, Math.min(port, 65_535));
    } catch (NumberFormatException e) {
      problems.add(PORT + " must be a number, not '" + raw + "'.");
      return 3000;
    }
  }

  private Duration duration(String name, Duration fallback) {
    String raw = value(name);
    if (raw == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(raw.toLowerCase(Locale.ROOT));
    if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
      problems.add(name + " must look like 30m, 1h or 1h30m, not '" + raw + "'.");
      return fallback;
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long seconds = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
  }

  private LocalTime[] window(String name, String fallback) {
    String raw = value(name) == null ? fallback : value(name);
    Matcher m = WINDOW.matcher(raw);
    try {
      if (m.matches()) {
        LocalTime from = LocalTime.parse(pad(m.group(1)));
        LocalTime to = LocalTime.parse(pad(m.group(2)));
        if (!from.equals(to)) {
          return new LocalTime[] {from, to};
        }
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(name + " must look like 22:00-07:00, not '" + raw + "'.");
    return new LocalTime[] {LocalTime.of(22, 0), LocalTime.of(7, 0)};
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }

  private String value(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
