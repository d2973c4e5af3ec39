package org.secondshift.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.secondshift.hours.ZoneLookup;

/** Shows and changes one person's rest choices ({@code /shift rest ...}). */
public final class RestSetup {
  private final RestPreferences preferences;
  private final RestRules rules;
  private final ZoneLookup zones;
  private final Clock clock;

  public RestSetup(RestPreferences preferences, RestRules rules, ZoneLookup zones, Clock clock) {
    this.preferences = preferences;
    this.rules = rules;
    this.zones = zones;
    this.clock = clock;
  }

  /** Their choices now, with the workspace's rules for what they left alone. */
  public Current current(String teamId, String userId) {
    return new Current(
        preferences.prefs(teamId, userId), rules, zones.zoneOf(teamId, userId), clock.instant());
  }

  /** Applies a change to their choices and returns the result. */
  public Current change(String teamId, String userId, UnaryOperator<RestPrefs> change) {
    RestPrefs changed = change.apply(preferences.prefs(teamId, userId));
    preferences.save(teamId, userId, changed);
    return new Current(changed, rules, zones.zoneOf(teamId, userId), clock.instant());
  }

  /** A person's choices as of {@code now} in their {@code zone}. */
  public record Current(RestPrefs prefs, RestRules rules, ZoneId zone, Instant now) {
    public LocalDate today() {
      return LocalDate.ofInstant(now, zone);
    }

    public QuietHours quiet() {
      return prefs.quietOr(rules);
    }

    public Duration dailyLimit() {
      return prefs.dailyLimitOr(rules);
    }
  }
}
