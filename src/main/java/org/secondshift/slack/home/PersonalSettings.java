package org.secondshift.slack.home;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** What a person can set in the Settings modal; each field is kept by the feature that owns it. */
public interface PersonalSettings {
  Choices of(String teamId, String userId);

  void save(String teamId, String userId, Choices choices);

  /** One person's choices. */
  record Choices(
      LocalTime quietFrom,
      LocalTime quietTo,
      Duration dailyLimit,
      boolean nudges,
      boolean sharing,
      Optional<ZoneId> zoneOverride,
      Optional<LocalDate> pausedUntil) {
    public Choices {
      Objects.requireNonNull(pausedUntil, "pausedUntil");
      Objects.requireNonNull(quietFrom, "quietFrom");
      Objects.requireNonNull(quietTo, "quietTo");
      Objects.requireNonNull(dailyLimit, "dailyLimit");
      Objects.requireNonNull(zoneOverride, "zoneOverride");
    }
  }
}
