package org.secondshift.sandbox.seed;

import java.time.Duration;
import java.util.Optional;
import org.secondshift.rest.QuietHours;

/**
 * One person's choices; unset fields keep the workspace defaults.
 *
 * @param share whether they opted in to showing their hours to others
 * @param vacationDays on vacation from the start of the sandbox for this many days
 * @param quietHours their quiet hours, e.g. {@code 22:00-07:00}
 * @param dailyLimit e.g. {@code 9h}
 */
public record PersonSetting(
    String user, Boolean share, Integer vacationDays, String quietHours, String dailyLimit) {
  public PersonSetting {
    Seed.require(user, "settings[].user");
    if (vacationDays != null && vacationDays < 1) {
      throw new IllegalArgumentException("settings[" + user + "].vacationDays must be 1 or more");
    }
    if (quietHours != null && QuietHours.parse(quietHours).isEmpty()) {
      throw new IllegalArgumentException(
          "settings[" + user + "].quietHours must look like 22:00-07:00");
    }
    if (dailyLimit != null
        && HistoryPattern.duration(dailyLimit, "settings[" + user + "].dailyLimit").isZero()) {
      throw new IllegalArgumentException("settings[" + user + "].dailyLimit must be more than 0m");
    }
  }

  public Optional<QuietHours> quiet() {
    return quietHours == null ? Optional.empty() : QuietHours.parse(quietHours);
  }

  public Optional<Duration> limit() {
    return dailyLimit == null
        ? Optional.empty()
        : Optional.of(HistoryPattern.duration(dailyLimit, "settings[" + user + "].dailyLimit"));
  }
}
