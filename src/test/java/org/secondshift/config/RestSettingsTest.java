package org.secondshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.rest.RestRules;

/** The workspace's rest defaults come from the environment, with every bad value reported. */
class RestSettingsTest {
  private static Map<String, String> http(Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"));
    env.putAll(extra);
    return env;
  }

  @Test
  void withoutRestVariablesTheDefaultsApplyAndQuietHoursFollowTheLateNightWindow() {
    RestRules rules =
        EnvironmentSettings.read(http(Map.of("SECOND_SHIFT_LATE_NIGHT", "23:00-06:00"))).rest();
    assertThat(rules.stretch()).isEqualTo(Duration.ofHours(3));
    assertThat(rules.cooldown()).isEqualTo(Duration.ofMinutes(90));
    assertThat(rules.maxPerDay()).isEqualTo(3);
    assertThat(rules.quiet().from()).isEqualTo(LocalTime.of(23, 0));
    assertThat(rules.quiet().to()).isEqualTo(LocalTime.of(6, 0));
  }

  @Test
  void everyRestVariableIsRead() {
    RestRules rules =
        EnvironmentSettings.read(
                http(
                    Map.of(
                        "SECOND_SHIFT_REST_STRETCH",
                        "2h30m",
                        "SECOND_SHIFT_REST_BREAK",
                        "20m",
                        "SECOND_SHIFT_REST_DAILY_LIMIT",
                        "9h",
                        "SECOND_SHIFT_REST_QUIET",
                        "21:30-06:30",
                        "SECOND_SHIFT_REST_COOLDOWN",
                        "2h",
                        "SECOND_SHIFT_REST_MAX_PER_DAY",
                        "2",
                        "SECOND_SHIFT_REST_CHECK_EVERY",
                        "1m",
                        "SECOND_SHIFT_REST_DAYS_IN_A_ROW",
                        "5")))
            .rest();
    assertThat(rules)
        .isEqualTo(
            new RestRules(
                Duration.ofMinutes(150),
                Duration.ofMinutes(20),
                Duration.ofHours(9),
                new org.secondshift.rest.QuietHours(LocalTime.of(21, 30), LocalTime.of(6, 30)),
                Duration.ofHours(2),
                2,
                Duration.ofMinutes(1),
                5,
                Duration.ofHours(1)));
  }

  @Test
  void badRestValuesAreAllNamed() {
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    http(
                        Map.of(
                            "SECOND_SHIFT_REST_STRETCH",
                            "soon",
                            "SECOND_SHIFT_REST_COOLDOWN",
                            "0m",
                            "SECOND_SHIFT_REST_MAX_PER_DAY",
                            "0",
                            "SECOND_SHIFT_REST_QUIET",
                            "07:00-07:00"))))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("SECOND_SHIFT_REST_STRETCH"))
                    .anyMatch(p -> p.startsWith("SECOND_SHIFT_REST_COOLDOWN"))
                    .anyMatch(p -> p.startsWith("SECOND_SHIFT_REST_MAX_PER_DAY"))
                    .anyMatch(p -> p.startsWith("SECOND_SHIFT_REST_QUIET")));
  }

  @Test
  void theDailyLimitKeepsToTheRangePeopleHaveAndTheCheckToTenSeconds() {
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    http(
                        Map.of(
                            "SECOND_SHIFT_REST_DAILY_LIMIT",
                            "17h",
                            "SECOND_SHIFT_REST_CHECK_EVERY",
                            "5s"))))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class,
            e ->
                assertThat(e.problems())
                    .contains(
                        "SECOND_SHIFT_REST_DAILY_LIMIT must be between 1h and 16h, like 9h or"
                            + " 8h30m.",
                        "SECOND_SHIFT_REST_CHECK_EVERY must be at least 10s."));
    RestRules rules =
        EnvironmentSettings.read(
                http(
                    Map.of(
                        "SECOND_SHIFT_REST_DAILY_LIMIT",
                        "16h",
                        "SECOND_SHIFT_REST_CHECK_EVERY",
                        "30s")))
            .rest();
    assertThat(rules.dailyLimit()).isEqualTo(Duration.ofHours(16));
    assertThat(rules.checkEvery()).isEqualTo(Duration.ofSeconds(30));
  }
}
