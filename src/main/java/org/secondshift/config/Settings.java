package org.secondshift.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import org.secondshift.rest.RestRules;
import org.secondshift.store.DatabaseLocation;

/**
 * Everything the bot reads from its environment, validated once at start.
 *
 * @param database the SQLite file or the PostgreSQL server
 * @param apiUrl base URL of Slack's Web API, always ending in {@code /}
 * @param rest the workspace's defaults for rest nudges
 */
public record Settings(
    Mode mode,
    String botToken,
    String signingSecret,
    String appToken,
    URI apiUrl,
    int port,
    DatabaseLocation database,
    Duration sessionGap,
    Duration sessionTail,
    LocalTime lateNightFrom,
    LocalTime lateNightTo,
    RestRules rest,
    Distribution distribution,
    Operations operations) {

  public static final URI SLACK_API = URI.create("https://slack.com/api/");

  public Settings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(sessionGap, "sessionGap");
    Objects.requireNonNull(sessionTail, "sessionTail");
    Objects.requireNonNull(lateNightFrom, "lateNightFrom");
    Objects.requireNonNull(lateNightTo, "lateNightTo");
    Objects.requireNonNull(rest, "rest");
    Objects.requireNonNull(operations, "operations");
    if (!apiUrl.toString().endsWith("/")) {
      throw new IllegalArgumentException("apiUrl must end with '/': " + apiUrl);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Settings for one workspace, with its bot token. */
  public Settings(
      Mode mode,
      String botToken,
      String signingSecret,
      String appToken,
      URI apiUrl,
      int port,
      DatabaseLocation database,
      Duration sessionGap,
      Duration sessionTail,
      LocalTime lateNightFrom,
      LocalTime lateNightTo,
      RestRules rest) {
    this(
        mode,
        botToken,
        signingSecret,
        appToken,
        apiUrl,
        port,
        database,
        sessionGap,
        sessionTail,
        lateNightFrom,
        lateNightTo,
        rest,
        null,
        Operations.DEFAULTS);
  }

  /** Whether workspaces install the bot through OAuth, each with a token of its own. */
  public boolean distributed() {
    return distribution != null;
  }

  /** The same settings, installed by many workspaces through {@code distribution}. */
  public Settings distributedAs(Distribution distribution) {
    return copy(null, distribution, operations);
  }

  /** The same settings, run with {@code operations}. */
  public Settings withOperations(Operations operations) {
    return copy(botToken, distribution, operations);
  }

  private Settings copy(String botToken, Distribution distribution, Operations operations) {
    return new Settings(
        mode,
        botToken,
        signingSecret,
        appToken,
        apiUrl,
        port,
        database,
        sessionGap,
        sessionTail,
        lateNightFrom,
        lateNightTo,
        rest,
        distribution,
        operations);
  }

  /** Settings with the default rest rules. */
  public Settings(
      Mode mode,
      String botToken,
      String signingSecret,
      String appToken,
      URI apiUrl,
      int port,
      DatabaseLocation database,
      Duration sessionGap,
      Duration sessionTail,
      LocalTime lateNightFrom,
      LocalTime lateNightTo) {
    this(
        mode,
        botToken,
        signingSecret,
        appToken,
        apiUrl,
        port,
        database,
        sessionGap,
        sessionTail,
        lateNightFrom,
        lateNightTo,
        RestRules.defaults());
  }

  @Override
  public String toString() {
    // Tokens and the signing secret never reach a log line.
    return "Settings[mode="
        + mode
        + ", apiUrl="
        + apiUrl
        + ", port="
        + port
        + ", database="
        + database
        + ", sessionGap="
        + sessionGap
        + ", sessionTail="
        + sessionTail
        + ", lateNight="
        + lateNightFrom
        + "-"
        + lateNightTo
        + ", rest="
        + rest
        + (distribution == null ? "" : ", " + distribution)
        + ", "
        + operations
        + "]";
  }
}
