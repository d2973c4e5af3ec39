package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.testing.Vendor;

/** Nudge and duty figures for summaries, and rotation facts for Home, from a real SQLite file. */
@ParameterizedClass
@EnumSource(Vendor.class)
class TeamFiguresTest {
  @Parameter Vendor vendor;
  private final Map<String, DatabaseLocation> locations = new HashMap<>();

  /** The test's database called {@code name}: the same one each time it is asked for. */
  private DatabaseLocation location(String name) {
    return locations.computeIfAbsent(name, n -> vendor.fresh(dir));
  }

  private static final Instant MONDAY = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant NEXT_MONDAY = MONDAY.plus(Duration.ofDays(7));

  @TempDir Path dir;
  private Database db;
  private TeamFigures figures;

  @BeforeEach
  void open() {
    db = Database.open(location("figures.db"));
    figures = new TeamFigures(db);
    db.write(
        h -> {
          nudge(h, "U1", MONDAY.plus(Duration.ofHours(30)), "snooze");
          nudge(h, "U1", MONDAY.plus(Duration.ofHours(50)), null);
          nudge(h, "U2", MONDAY.plus(Duration.ofHours(60)), "break");
          nudge(h, "U3", MONDAY.plus(Duration.ofHours(70)), "break");
          nudge(h, "U1", MONDAY.minus(Duration.ofHours(1)), "off");
          h.execute(
              "INSERT INTO rotation (id, team_id, channel_id, cadence_hours, cadence_days, first_handoff, zone,"
                  + " next_seq, reminded_seq, paused, version) VALUES (1, 'T1', 'C1', 12, 0, '2026-11-20T09:00', 'Europe/Berlin',"
                  + " 1, 0, 0, 1)");
          h.execute(
              "INSERT INTO rotation_member (team_id, rotation_id, user_id, roster_pos, line_pos) VALUES ('T1', 1, 'U2', 0, 0)");
          // One shift straddles the week's start: only its part inside the week counts.
          shift(h, 1, MONDAY.minus(Duration.ofHours(3)), MONDAY.plus(Duration.ofHours(9)));
          shift(h, 2, MONDAY.plus(Duration.ofHours(9)), MONDAY.plus(Duration.ofHours(21)));
          shift(
              h, 3, NEXT_MONDAY.plus(Duration.ofHours(1)), NEXT_MONDAY.plus(Duration.ofHours(13)));
          return null;
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static void nudge(org.jdbi.v3.core.Handle h, String user, Instant at, String answer) {
    h.createUpdate(
            "INSERT INTO nudge (team_id, user_id, kind, decided_at, local_date, zone, answer)"
                + " VALUES ('T1', :user, 'long_stretch', :at, '2026-11-24', 'UTC', :answer)")
        .bind("user", user)
        .bind("at", at.toEpochMilli())
        .bind("answer", answer)
        .execute();
  }

  private static void shift(org.jdbi.v3.core.Handle h, int seq, Instant start, Instant end) {
    h.createUpdate(
            "INSERT INTO shift (team_id, channel_id, rotation_id, seq, planned_user, captain_user, reason,"
                + " due_at, started_at, ends_at, ended_at) VALUES ('T1', 'C1', 1, :seq, 'U2', 'U2', 'in_line', :start,"
                + " :start, :end, :end)")
        .bind("seq", seq)
        .bind("start", start.toEpochMilli())
        .bind("end", end.toEpochMilli())
        .execute();
  }

  @Test
  void countsTheWeeksNudgesOfTheMembersAndHowTheyAnswered() {
    var tally = figures.nudges("T1", List.of("U1", "U2"), MONDAY, NEXT_MONDAY);
    assertThat(tally.sent()).isEqualTo(3);
    assertThat(tally.answers()).isEqualTo(Map.of("snooze", 1, "break", 1));
  }

  @Test
  void countsShiftsAndDutyHoursInsideTheWeek() {
    var tally = figures.captain("T1", "C1", MONDAY, NEXT_MONDAY);
    assertThat(tally.shifts()).isEqualTo(2);
    assertThat(tally.duty()).isEqualTo(Duration.ofHours(21));
  }

  @Test
  void knowsARotationsZoneAndWhoIsInIt() {
    assertThat(figures.of("T1", "C1")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(figures.of("T1", "C2")).isEmpty();
    assertThat(figures.rotationsOf("T1", "U2")).containsExactly("C1");
  }
}
