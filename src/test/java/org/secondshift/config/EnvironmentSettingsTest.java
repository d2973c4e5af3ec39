package org.secondshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.store.DatabaseLocation;

class EnvironmentSettingsTest {

  @Test
  void botTokenAndSigningSecretMeanHttpModeWithDefaults() {
    Settings s =
        EnvironmentSettings.read(
            Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-abc", "SLACK_SIGNING_SECRET", "s3cret"));
    assertThat(s.mode()).isEqualTo(Mode.HTTP);
    assertThat(s.port()).isEqualTo(3000);
    assertThat(s.apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
    assertThat(s.database()).isEqualTo(DatabaseLocation.sqlite(Path.of("second-shift.db")));
    assertThat(s.sessionGap()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.sessionTail()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.lateNightFrom()).isEqualTo(LocalTime.of(22, 0));
    assertThat(s.lateNightTo()).isEqualTo(LocalTime.of(7, 0));
  }

  @Test
  void appTokenMeansSocketMode() {
    Settings s =
        EnvironmentSettings.read(
            Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-A-1-abc"));
    assertThat(s.mode()).isEqualTo(Mode.SOCKET);
  }

  @Test
  void noTokensMeanTheSandboxOnItsOwnDatabase() {
    Settings s = EnvironmentSettings.read(Map.of());
    assertThat(s.mode()).isEqualTo(Mode.SANDBOX);
    assertThat(s.database()).isEqualTo(DatabaseLocation.sqlite(Path.of("sandbox.db")));
  }

  @Test
  void readsEveryKnob() {
    Settings s =
        EnvironmentSettings.read(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-1",
                "SLACK_SIGNING_SECRET",
                "x",
                "SLACK_API_URL",
                "http://127.0.0.1:9999/api",
                "PORT",
                "8080",
                "SECOND_SHIFT_DB",
                "/tmp/x.db",
                "SECOND_SHIFT_SESSION_GAP",
                "1h15m",
                "SECOND_SHIFT_SESSION_TAIL",
                "5m",
                "SECOND_SHIFT_LATE_NIGHT",
                "23:30-6:00"));
    assertThat(s.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/api/"));
    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.database()).isEqualTo(DatabaseLocation.sqlite(Path.of("/tmp/x.db")));
    assertThat(s.sessionGap()).isEqualTo(Duration.ofMinutes(75));
    assertThat(s.sessionTail()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.lateNightFrom()).isEqualTo(LocalTime.of(23, 30));
    assertThat(s.lateNightTo()).isEqualTo(LocalTime.of(6, 0));
  }

  @Test
  void aPostgresUrlSelectsPostgresWithItsUserAndPassword() {
    Settings s =
        EnvironmentSettings.read(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "x",
                "SECOND_SHIFT_DATABASE_URL", "jdbc:postgresql://db.internal:5432/shift",
                "SECOND_SHIFT_DATABASE_USER", "shift",
                "SECOND_SHIFT_DATABASE_PASSWORD", "hunter2"));
    assertThat(s.database().isPostgres()).isTrue();
    assertThat(s.database().user()).isEqualTo("shift");
    assertThat(s.toString())
        .contains("jdbc:postgresql://db.internal:5432/shift")
        .doesNotContain("hunter2");
  }

  @Test
  void aMalformedPostgresUrlIsNamedWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_SIGNING_SECRET", "x",
                        "SECOND_SHIFT_DATABASE_URL", "postgres://db?password=hunter2")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("SECOND_SHIFT_DATABASE_URL must look like jdbc:postgresql://")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void theSandboxRefusesPostgres() {
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    Map.of("SECOND_SHIFT_DATABASE_URL", "jdbc:postgresql://localhost/shift")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("The sandbox (no Slack tokens set) runs on a SQLite file");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    Map.of(
                        "SLACK_BOT_TOKEN",
                        "xoxp-user-token",
                        "SLACK_SIGNING_SECRET",
                        "x",
                        "PORT",
                        "seventy",
                        "SECOND_SHIFT_SESSION_GAP",
                        "soon",
                        "SECOND_SHIFT_LATE_NIGHT",
                        "22-7",
                        "SLACK_API_URL",
                        "ftp://slack")))
        .isInstanceOfSatisfying(
            InvalidSettingsException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(5)
                    .anySatisfy(p -> assertThat(p).contains("SLACK_BOT_TOKEN").contains("xoxb-"))
                    .anySatisfy(p -> assertThat(p).contains("PORT"))
                    .anySatisfy(p -> assertThat(p).contains("SECOND_SHIFT_SESSION_GAP"))
                    .anySatisfy(p -> assertThat(p).contains("SECOND_SHIFT_LATE_NIGHT"))
                    .anySatisfy(p -> assertThat(p).contains("SLACK_API_URL")));
  }

  @Test
  void aBotTokenAloneSaysWhatElseToSet() {
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .hasMessageContaining("SLACK_SIGNING_SECRET")
        .hasMessageContaining("SLACK_APP_TOKEN");
  }

  @Test
  void aSecretWithoutABotTokenIsRefused() {
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("SLACK_SIGNING_SECRET", "x")))
        .hasMessageContaining("SLACK_BOT_TOKEN is required");
  }

  @Test
  void settingsNeverPrintSecrets() {
    Settings s =
        EnvironmentSettings.read(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-very-secret", "SLACK_SIGNING_SECRET", "signing-secret"));
    assertThat(s.toString()).doesNotContain("very-secret").doesNotContain("signing-secret");
  }

  private static final String KEY = "c2Vjb25kLXNoaWZ0LXRlc3QtdG9rZW4ta2V5LTMyYnk=";

  @Test
  void clientCredentialsAndATokenKeyMeanInstallsThroughOAuth() {
    Settings s =
        EnvironmentSettings.read(
            Map.of(
                "SLACK_CLIENT_ID", "123.456",
                "SLACK_CLIENT_SECRET", "client-secret",
                "SLACK_SIGNING_SECRET", "signing-secret",
                "SECOND_SHIFT_TOKEN_KEY", KEY));
    assertThat(s.mode()).isEqualTo(Mode.HTTP);
    assertThat(s.distributed()).isTrue();
    assertThat(s.botToken()).isNull();
    assertThat(s.distribution().authorizeUrl())
        .isEqualTo(URI.create("https://slack.com/oauth/v2/authorize"));
    assertThat(s.toString())
        .contains("123.456")
        .doesNotContain("client-secret")
        .doesNotContain(KEY)
        .doesNotContain("signing-secret");
  }

  @Test
  void aMissingOrMalformedTokenKeySaysHowToMakeOne() {
    Map<String, String> base =
        Map.of(
            "SLACK_CLIENT_ID", "123.456",
            "SLACK_CLIENT_SECRET", "client-secret",
            "SLACK_SIGNING_SECRET", "signing-secret");
    assertThatThrownBy(() -> EnvironmentSettings.read(base))
        .hasMessageContaining("SECOND_SHIFT_TOKEN_KEY is required")
        .hasMessageContaining("openssl rand -base64 32");
    java.util.Map<String, String> shortKey = new java.util.HashMap<>(base);
    shortKey.put("SECOND_SHIFT_TOKEN_KEY", "c2hvcnQ=");
    assertThatThrownBy(() -> EnvironmentSettings.read(shortKey))
        .hasMessageContaining("holds 5 bytes where 32 are needed")
        .hasMessageContaining("openssl rand -base64 32");
    java.util.Map<String, String> notBase64 = new java.util.HashMap<>(base);
    notBase64.put("SECOND_SHIFT_TOKEN_KEY", "not base64 at all!");
    assertThatThrownBy(() -> EnvironmentSettings.read(notBase64))
        .hasMessageContaining("SECOND_SHIFT_TOKEN_KEY is not base64");
  }

  @Test
  void oneWorkspaceAndManyAreNotMixed() {
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    Map.of(
                        "SLACK_CLIENT_ID", "123.456",
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_APP_TOKEN", "xapp-1",
                        "SECOND_SHIFT_TOKEN_KEY", KEY)))
        .hasMessageContaining("not both")
        .hasMessageContaining("unset SLACK_APP_TOKEN")
        .hasMessageContaining("SLACK_SIGNING_SECRET is required")
        .hasMessageContaining("Set both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET");
  }

  @Test
  void operationsDefaultToTwentySecondsToStopFourHundredDaysKeptAndNoMetrics() {
    Settings s =
        EnvironmentSettings.read(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "x"));
    assertThat(s.operations()).isEqualTo(Operations.DEFAULTS);
    assertThat(s.operations().shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.operations().retention()).isEqualTo(Duration.ofDays(400));
    assertThat(s.operations().servesMetrics()).isFalse();
  }

  @Test
  void readsTheGraceTheRetentionAndTheMetricsPort() {
    Settings s =
        EnvironmentSettings.read(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "x",
                "SECOND_SHIFT_SHUTDOWN_GRACE", "45s",
                "SECOND_SHIFT_RETENTION", "90d",
                "SECOND_SHIFT_METRICS_PORT", "9464"));
    assertThat(s.operations())
        .isEqualTo(new Operations(Duration.ofSeconds(45), Duration.ofDays(90), 9464, true));
    Settings keepAll =
        EnvironmentSettings.read(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "x",
                "SECOND_SHIFT_RETENTION", "0"));
    assertThat(keepAll.operations().keepsEverything()).isTrue();
  }

  @Test
  void theFastPathIsOnUnlessTurnedOffAndTakesOnlyOnOrOff() {
    Map<String, String> base = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "x");
    assertThat(EnvironmentSettings.read(base).operations().fastPath()).isTrue();
    Map<String, String> off = new java.util.HashMap<>(base);
    off.put("SECOND_SHIFT_FAST_PATH", "OFF");
    assertThat(EnvironmentSettings.read(off).operations().fastPath()).isFalse();
    Map<String, String> wrong = new java.util.HashMap<>(base);
    wrong.put("SECOND_SHIFT_FAST_PATH", "fast");
    assertThatThrownBy(() -> EnvironmentSettings.read(wrong))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("SECOND_SHIFT_FAST_PATH must be on or off, not 'fast'");
  }

  @Test
  void aWrongGraceRetentionOrMetricsPortIsNamedWithWhatItShouldBe() {
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    Map.of(
                        "SLACK_BOT_TOKEN", "xoxb-1",
                        "SLACK_SIGNING_SECRET", "x",
                        "SECOND_SHIFT_SHUTDOWN_GRACE", "0s",
                        "SECOND_SHIFT_RETENTION", "a year",
                        "SECOND_SHIFT_METRICS_PORT", "metrics")))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("SECOND_SHIFT_SHUTDOWN_GRACE must be between 1s and 10m, not '0s'")
        .hasMessageContaining("SECOND_SHIFT_RETENTION must be a number of days such as 400d")
        .hasMessageContaining("SECOND_SHIFT_METRICS_PORT must be a port between 1 and 65535");
  }
}
