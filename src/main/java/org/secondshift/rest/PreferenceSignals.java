package org.secondshift.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.secondshift.captain.RestSignals;
import org.secondshift.hours.ZoneLookup;

/**
 * What the captain rotation asks about rest, answered from each person's rest choices: their
 * vacation, their own daily limit; hours worked come from the hour log.
 */
public final class PreferenceSignals implements RestSignals {
  private final RestPreferences preferences;
  private final RestRules rules;
  private final ZoneLookup zones;
  private final RestSignals hours;

  public PreferenceSignals(
      RestPreferences preferences, RestRules rules, ZoneLookup zones, RestSignals hours) {
    this.preferences = preferences;
    this.rules = rules;
    this.zones = zones;
    this.hours = hours;
  }

  @Override
  public boolean onPause(String teamId, String userId, Instant at) {
    LocalDate today = LocalDate.ofInstant(at, zones.zoneOf(teamId, userId));
    return preferences
        .prefs(teamId, userId)
        .pausedUntil()
        .filter(until -> !today.isAfter(until))
        .isPresent();
  }

  @Override
  public Duration workedLast24h(String teamId, String userId, Instant at) {
    return hours.workedLast24h(teamId, userId, at);
  }

  @Override
  public Duration dailyLimit(String teamId, String userId) {
    return preferences.prefs(teamId, userId).dailyLimitOr(rules);
  }
}
