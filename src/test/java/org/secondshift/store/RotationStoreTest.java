package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.secondshift.captain.Cadence;
import org.secondshift.captain.HandoffTimer;
import org.secondshift.captain.HourLogRest;
import org.secondshift.captain.Planner;
import org.secondshift.captain.Rotations;
import org.secondshift.hours.SessionRules;
import org.secondshift.slack.blocks.Renderer;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Vendor;

/** Rotations against a real SQLite file: notes, their retention, and who hears about handoffs. */
@ParameterizedClass
@EnumSource(Vendor.class)
class RotationStoreTest {
  @Parameter Vendor vendor;
  private final Map<String, DatabaseLocation> locations = new HashMap<>();

  /** The test's database called {@code name}: the same one each time it is asked for. */
  private DatabaseLocation location(String name) {
    return locations.computeIfAbsent(name, n -> vendor.fresh(dir));
  }

  private static final Instant START = Instant.parse("2026-11-23T07:00:00Z");
  private static final Instant FIRST = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-23T20:00:00Z");

  @TempDir Path dir;
  private Database db;
  private OutboxStore outbox;
  private Rotations rotations;
  private final List<String> ended = new ArrayList<>();

  @BeforeEach
  void open() {
    db = Database.open(location("bot.db"));
    outbox = new OutboxStore(db);
    SessionRules rules = SessionRules.defaults();
    rotations =
        new Rotations(
            new RotationStore(db, outbox),
            new Planner(new HourLogRest(new SessionStore(db, rules), rules)),
            (team, channel, captain, at) -> ended.add(captain + "@" + at),
            HandoffTimer.none());
    rotations.setup(
        "T1",
        "C1",
        "U1",
        List.of("U1", "U2"),
        Cadence.ofHours(12),
        LocalTime.of(9, 0),
        ZoneId.of("Europe/Berlin"),
        START,
        -1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long count(String sql) {
    return DbPeek.count(location("bot.db"), sql);
  }

  @Test
  void notesAreHandedOverOnceAndForgottenAWeekLater() {
    // U1 holds the watch from setup: the note reaches them at once, and U2 at the 09:00 handoff.
    rotations.note("T1", "C1", "U3", "watch the loss curve of run 7", START);
    rotations.performDue(FIRST);
    assertThat(count("SELECT COUNT(*) FROM handoff_note WHERE handed_to = 'U2'")).isEqualTo(1);
    rotations.performDue(SECOND);
    // The rows hold the notices; what each reader would read is what the sender renders.
    List<OutboxRow> queued = outbox.claimDue(SECOND, 100, Duration.ofMinutes(1), "test");
    Renderer words = new Renderer();
    assertThat(queued)
        .filteredOn(r -> words.render(r.message()).text().contains("loss curve"))
        .extracting(r -> r.message().channel())
        .containsExactlyInAnyOrder("U1", "U2");
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE notice_json LIKE '%loss curve%'"))
        .isPositive();

    queued.forEach(r -> outbox.markSent(r.id(), "D", "1.1", SECOND));
    rotations.performDue(FIRST.plus(Duration.ofDays(6)));
    assertThat(count("SELECT COUNT(*) FROM handoff_note")).isEqualTo(1);
    rotations.performDue(FIRST.plus(Duration.ofDays(8)));
    assertThat(count("SELECT COUNT(*) FROM handoff_note")).isZero();
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE notice_json LIKE '%loss curve%'")).isZero();
  }

  @Test
  void theOutgoingCaptainIsToldTheirShiftEnded() {
    // U1 took the watch at setup, an hour before the first handoff.
    rotations.performDue(FIRST);
    assertThat(ended).containsExactly("U1@" + FIRST);
    rotations.performDue(SECOND);
    assertThat(ended).containsExactly("U1@" + FIRST, "U2@" + SECOND);
    rotations.pause("T1", "C1", "U1", SECOND.plusSeconds(60));
    assertThat(ended)
        .containsExactly("U1@" + FIRST, "U2@" + SECOND, "U1@" + SECOND.plusSeconds(60));
    assertThat(rotations.onDuty("T1", List.of("C1"), SECOND.plusSeconds(120))).isEmpty();
    assertThat(count("SELECT SUM(last_at - started_at) FROM work_session WHERE source = 2"))
        .isEqualTo(Duration.ofHours(13).plusSeconds(60).toMillis());
  }
}
