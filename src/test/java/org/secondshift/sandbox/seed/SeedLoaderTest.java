package org.secondshift.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.WorkSession;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.store.Database;
import org.secondshift.store.SessionStore;
import org.secondshift.testing.RunningSandbox;

/**
 * The shipped seed reads, tells its story relative to start, and reaches every section's applier.
 */
class SeedLoaderTest {
  private static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
  private static final SessionRules RULES =
      new SessionRules(Duration.ofMinutes(30), Duration.ofMinutes(10));

  @TempDir Path dir;

  @Test
  void theShippedSeedDescribesEightPeopleInFourZonesAndFourChannelsOneWithoutTheBot() {
    Seed seed = Seed.read(Path.of("seeds"));

    assertThat(seed.teammates()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(Set.copyOf(seed.zones(NOW).values())).hasSizeGreaterThanOrEqualTo(4);
    assertThat(seed.channels()).hasSize(4);
    assertThat(seed.channels())
        .filteredOn(c -> !c.botIsMember())
        .extracting(SeedChannel::name)
        .containsExactly("random");
    assertThat(seed.rotations()).hasSize(1);
    assertThat(seed.summaries()).hasSize(1);
    assertThat(seed.settings())
        .anyMatch(s -> Boolean.TRUE.equals(s.share()))
        .anyMatch(s -> s.vacationDays() != null);
  }

  @Test
  void aLateNightTeammateIsPlacedWhereItIsAroundHalfPastMidnight() {
    for (int hour = 0; hour < 24; hour += 5) {
      Instant now = NOW.plus(Duration.ofHours(hour));
      LocalTime local = now.atZone(Seed.zoneWhere(LocalTime.of(0, 30), now)).toLocalTime();
      assertThat(local).as("at %s", now).isBetween(LocalTime.of(0, 0), LocalTime.of(1, 0));
    }
  }

  @Test
  void aTeammatePlacedAtALocalTimeIsWhereItIsAboutThatTimeWheneverTheSandboxStarts() {
    assertThat(Seed.placement("local 15:00")).contains(LocalTime.of(15, 0));
    assertThat(Seed.placement("late-night")).contains(LocalTime.of(0, 30));
    assertThat(Seed.placement("Europe/Berlin")).isEmpty();
    assertThat(Seed.placement("local 25:00")).isEmpty();
    // Every 37 minutes through a year, so each season's offsets are met.
    for (int minutes = 0; minutes < 366 * 24 * 60; minutes += 37) {
      Instant now = NOW.plus(Duration.ofMinutes(minutes));
      LocalTime local = now.atZone(Seed.zoneWhere(LocalTime.of(15, 0), now)).toLocalTime();
      assertThat(local).as("at %s", now).isBetween(LocalTime.of(14, 30), LocalTime.of(15, 30));
    }
  }

  @Test
  void historyIsWrittenRelativeToNowInThePersonsZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    HistoryPattern stretch =
        new HistoryPattern("U1", "C1", null, null, null, null, "3h40m", "0m", "20m");
    HistoryPattern mornings =
        new HistoryPattern("U1", "C1", "1-7", true, "09:00", "10:00", null, null, "30m");
    HistoryPattern lateNight =
        new HistoryPattern("U1", "C1", "1", null, "23:30", "00:30", null, null, "30m");

    List<Instant> recent = stretch.instants(berlin, NOW);
    List<Instant> days = mornings.instants(berlin, NOW);

    assertThat(recent).first().isEqualTo(NOW.minus(Duration.ofMinutes(220)));
    assertThat(recent).last().isEqualTo(NOW);
    // Seven days back from a Tuesday hold five weekdays, three activities each.
    assertThat(days)
        .hasSize(15)
        .allMatch(at -> at.atZone(berlin).getHour() == 9 || at.atZone(berlin).getHour() == 10);
    assertThat(lateNight.instants(berlin, NOW))
        .extracting(at -> at.atZone(berlin).toLocalTime())
        .containsExactly(LocalTime.of(23, 30), LocalTime.of(0, 0), LocalTime.of(0, 30));
  }

  @Test
  void mayaIsWellPastThreeHoursWithoutABreakAndTomStoppedDaysAgo() {
    Seed seed = Seed.read(Path.of("seeds"));
    try (SlackStandIn slack = SlackStandIn.start(Clock.fixed(NOW, ZoneOffset.UTC));
        Database db = Database.open(dir.resolve("seed.db"))) {
      SessionStore sessions = new SessionStore(db, RULES);
      new SeedLoader(SeedAppliers.none()).seedStandIn(seed, slack, NOW);
      int recorded =
          new SeedLoader(SeedAppliers.none()).seedDatabase(seed, slack, db, sessions, NOW);

      assertThat(recorded).isGreaterThan(1000);
      WorkSession maya = last(sessions, "U0MAYA");
      assertThat(maya.last()).isEqualTo(NOW);
      assertThat(Duration.between(maya.start(), maya.last())).isGreaterThan(Duration.ofHours(3));
      assertThat(last(sessions, "U0TOM").last()).isBefore(NOW.minus(Duration.ofDays(3)));
      assertThat(slack.people()).hasSize(8);
      assertThat(slack.messages("C0TRAIN")).isNotEmpty().allMatch(m -> !m.fromBot());
    }
  }

  @Test
  void loadingTheSameHistoryTwiceKeepsItOnce() {
    Seed seed = Seed.read(Path.of("seeds"));
    try (SlackStandIn slack = SlackStandIn.start(Clock.fixed(NOW, ZoneOffset.UTC));
        Database db = Database.open(dir.resolve("twice.db"))) {
      SessionStore sessions = new SessionStore(db, RULES);
      SeedLoader loader = new SeedLoader(SeedAppliers.none());
      assertThat(loader.seedDatabase(seed, slack, db, sessions, NOW)).isPositive();
      assertThat(loader.seedDatabase(seed, slack, db, sessions, NOW)).isZero();
    }
  }

  @Test
  void eachFeatureSectionReachesItsApplierSettingsFirstWithTheBotBuiltAndNothingScheduledYet()
      throws Exception {
    List<String> applied = new ArrayList<>();
    SeedAppliers appliers =
        SeedAppliers.none()
            .withRotations(
                (rotations, ctx) ->
                    applied.add(
                        "rotation "
                            + rotations.get(0).channel()
                            + " first "
                            + rotations.get(0).members().get(0)
                            + " in "
                            + ctx.zoneOf("U0LENA")
                            + ", rest check scheduled: "
                            + ctx.parts().schedules().nextFire("rest-check").isPresent()))
            .withSummaries((summaries, ctx) -> applied.add("summary " + summaries.get(0).channel()))
            .withSettings(
                (settings, ctx) ->
                    applied.add(
                        "settings for "
                            + settings.stream()
                                .map(PersonSetting::user)
                                .collect(Collectors.joining(","))));

    try (RunningSandbox running = RunningSandbox.start(dir, appliers)) {
      assertThat(applied)
          .containsExactly(
              "settings for U0LENA,U0TOM,U0KENJI",
              "rotation C0TRAIN first U0LENA in America/New_York, rest check scheduled: false",
              "summary C0EVALS");
      assertThat(running.bot().parts().schedules().nextFire("rest-check")).isPresent();
    }
  }

  @Test
  void aRotationWithAShiftThatDoesNotDivideADayIsRefusedWithTheFieldNamed() throws Exception {
    Files.writeString(
        dir.resolve(Seed.FILE),
        """
        {"teammates": [{"id": "U1", "name": "Ada", "tz": "UTC"}, {"id": "U2", "name": "Grace", "tz": "UTC"}],
         "channels": [{"id": "C1", "name": "ops", "members": ["U1", "U2"]}],
         "rotations": [{"channel": "C1", "zone": "UTC", "members": ["U1", "U2"], "shift": "5h", "handoffInMinutes": 4}]}
        """);

    assertThatThrownBy(() -> Seed.read(dir))
        .hasMessageContaining("rotations[C1].shift must be 12h");
  }

  @Test
  void theNextHandoffFallsOnTheWholeMinuteAfterTheGivenMinutes() {
    RotationSeed r = new RotationSeed("C1", "UTC", List.of("U1", "U2"), "12h", 4);

    assertThat(r.nextHandoff(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
    assertThat(r.nextHandoff(NOW.plusSeconds(17))).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aSeedWithAnUnknownPersonOrZoneSaysWhatIsWrong() throws Exception {
    Files.writeString(
        dir.resolve(Seed.FILE),
        """
        {"teammates": [{"id": "U1", "name": "Ada", "tz": "Mars/Olympus"}],
         "channels": [{"id": "C1", "name": "general", "members": ["U1", "U2"]}],
         "history": [{"user": "U1", "channel": "C9", "startedAgo": "1h", "every": "10m"}]}
        """);

    assertThatThrownBy(() -> Seed.read(dir))
        .hasMessageContaining("workspace.json")
        .hasMessageContaining("unknown zone Mars/Olympus")
        .hasMessageContaining("unknown teammate U2")
        .hasMessageContaining("unknown channel C9");
  }

  @Test
  void aPatternWithoutItsTimesIsRefusedWithTheFieldNamed() throws Exception {
    Files.writeString(
        dir.resolve(Seed.FILE),
        """
        {"teammates": [{"id": "U1", "name": "Ada", "tz": "UTC"}],
         "history": [{"user": "U1", "channel": "C1", "daysAgo": "2", "every": "10m"}]}
        """);

    assertThatThrownBy(() -> Seed.read(dir))
        .hasMessageContaining("history[U1] with daysAgo needs from and until");
  }

  private static WorkSession last(SessionStore sessions, String user) {
    List<WorkSession> all =
        sessions.sessions("T0SANDBOX", user, NOW.minus(Duration.ofDays(15)), NOW);
    return all.get(all.size() - 1);
  }
}
