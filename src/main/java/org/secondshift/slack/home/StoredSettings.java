package org.secondshift.slack.home;

import java.time.ZoneId;
import java.util.Optional;
import org.secondshift.rest.QuietHours;
import org.secondshift.rest.RestPreferences;
import org.secondshift.rest.RestPrefs;
import org.secondshift.rest.RestRules;
import org.secondshift.store.PersonStore;
import org.secondshift.store.SummaryStore;

/** The Settings modal's fields, each read from and saved to the feature that owns it. */
public final class StoredSettings implements PersonalSettings {
  private final RestPreferences rest;
  private final RestRules defaults;
  private final SummaryStore sharing;
  private final PersonStore people;
  private final Runnable zonesChanged;

  public StoredSettings(
      RestPreferences rest,
      RestRules defaults,
      SummaryStore sharing,
      PersonStore people,
      Runnable zonesChanged) {
    this.rest = rest;
    this.defaults = defaults;
    this.sharing = sharing;
    this.people = people;
    this.zonesChanged = zonesChanged;
  }

  @Override
  public Choices of(String teamId, String userId) {
    RestPrefs p = rest.prefs(teamId, userId);
    QuietHours quiet = p.quietOr(defaults);
    return new Choices(
        quiet.from(),
        quiet.to(),
        p.dailyLimitOr(defaults),
        p.enabled(),
        sharing.isSharing(teamId, userId),
        people.zoneOverride(teamId, userId).map(ZoneId::of),
        p.pausedUntil());
  }

  @Override
  public void save(String teamId, String userId, Choices c) {
    RestPrefs p = rest.prefs(teamId, userId);
    rest.save(
        teamId,
        userId,
        new RestPrefs(
            c.nudges(),
            Optional.of(new QuietHours(c.quietFrom(), c.quietTo())),
            Optional.of(c.dailyLimit()),
            p.snoozedUntil(),
            p.pausedUntil(),
            p.doneOn(),
            p.breakAt()));
    sharing.setSharing(teamId, userId, c.sharing());
    people.saveZoneOverride(teamId, userId, c.zoneOverride().map(ZoneId::getId));
    zonesChanged.run();
  }
}
