package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.hours.WorkSession;
import org.secondshift.testing.Vendor;

/** Sessions kept incrementally in a real database match what a batch pass would find. */
@ParameterizedClass
@EnumSource(Vendor.class)
class SessionStoreTest {
  @Parameter Vendor vendor;
  private final Map<String, DatabaseLocation> locations = new HashMap<>();

  /** The test's database called {@code name}: the same one each time it is asked for. */
  private DatabaseLocation location(String name) {
    return locations.computeIfAbsent(name, n -> vendor.fresh(dir));
  }

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final SessionRules RULES =
      new SessionRules(Duration.ofMinutes(30), Duration.ofMinutes(10));

  @TempDir Path dir;
  private Database db;
  private SessionStore store;

  @BeforeEach
  void open() {
    db = Database.open(location("store.db"));
    store = new SessionStore(db, RULES);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Activity at(String eventId, Instant when) {
    return new Activity(eventId, "T1", "U1", "C1", when, ActivityKind.MESSAGE);
  }

  @Test
  void eventsArrivingInAnyOrderEndInTheSameSessions() {
    List<Integer> minutes = List.of(0, 10, 25, 50, 79, 200, 215, 400, 429, 458, 487);
    List<Integer> shuffled = new ArrayList<>(minutes);
    Collections.shuffle(shuffled, new Random(7));
    for (int m : shuffled) {
      assertThat(store.record(at("Ev" + m, T0.plus(Duration.ofMinutes(m))))).isTrue();
    }
    List<WorkSession> sessions =
        store.sessions("T1", "U1", T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)));
    assertThat(sessions)
        .extracting(
            s -> Duration.between(T0, s.start()).toMinutes(),
            s -> Duration.between(T0, s.last()).toMinutes())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, 79L),
            org.assertj.core.groups.Tuple.tuple(200L, 215L),
            org.assertj.core.groups.Tuple.tuple(400L, 487L));
  }

  @Test
  void theSameEventTwiceIsKeptOnce() {
    assertThat(store.record(at("EvSame", T0))).isTrue();
    assertThat(store.record(at("EvSame", T0.plusSeconds(600)))).isFalse();
    assertThat(store.sessions("T1", "U1", T0.minusSeconds(1), T0.plusSeconds(3600)))
        .singleElement()
        .satisfies(s -> assertThat(s.last()).isEqualTo(T0));
  }

  @Test
  void aBatchEndsInTheSameSessionsAsEventsRecordedOneByOne() {
    List<Activity> events = new ArrayList<>();
    for (int m : List.of(0, 10, 25, 50, 79, 200, 215, 400, 429, 458, 487)) {
      events.add(at("Ev" + m, T0.plus(Duration.ofMinutes(m))));
    }
    Collections.shuffle(events, new Random(11));
    events.add(events.get(3));
    Instant from = T0.minus(Duration.ofDays(1));
    Instant to = T0.plus(Duration.ofDays(1));
    List<WorkSession> expected;
    try (Database single = Database.open(location("single.db"))) {
      SessionStore oneByOne = new SessionStore(single, RULES);
      events.forEach(oneByOne::record);
      expected = oneByOne.sessions("T1", "U1", from, to);
    }

    assertThat(store.recordAll(events)).isEqualTo(11);

    assertThat(expected).hasSize(3);
    assertThat(store.sessions("T1", "U1", from, to))
        .extracting(WorkSession::start, WorkSession::last)
        .containsExactlyElementsOf(
            expected.stream()
                .map(s -> org.assertj.core.groups.Tuple.tuple(s.start(), s.last()))
                .toList());
    assertThat(store.recordAll(events.subList(0, 4))).isZero();
  }

  @Test
  void aBatchNotesEachPersonInEachChannelOnceADay() {
    store.recordAll(
        List.of(
            new Activity("Ev1", "T1", "U1", "C1", T0, ActivityKind.MESSAGE),
            new Activity("Ev2", "T1", "U1", "C1", T0.plusSeconds(600), ActivityKind.MESSAGE),
            new Activity("Ev3", "T1", "U1", "C2", T0.plusSeconds(900), ActivityKind.REACTION),
            new Activity(
                "Ev4", "T1", "U1", "C1", T0.plus(Duration.ofDays(1)), ActivityKind.MESSAGE)));

    List<String> seen =
        db.read(
            h ->
                h.createQuery(
                        "SELECT channel_id || ' ' || last_seen_at FROM channel_member ORDER BY channel_id")
                    .mapTo(String.class)
                    .list());
    assertThat(seen)
        .containsExactly(
            "C1 " + T0.plus(Duration.ofDays(1)).toEpochMilli(),
            "C2 " + T0.plusSeconds(900).toEpochMilli());
  }

  @Test
  void peopleAndTeamsDoNotShareSessions() {
    store.record(at("Ev1", T0));
    store.record(new Activity("Ev2", "T1", "U2", "C1", T0.plusSeconds(60), ActivityKind.MESSAGE));
    store.record(new Activity("Ev3", "T2", "U1", "C1", T0.plusSeconds(60), ActivityKind.MESSAGE));
    assertThat(store.sessions("T1", "U1", T0.minusSeconds(1), T0.plusSeconds(3600))).hasSize(1);
    assertThat(store.sessions("T1", "U2", T0.minusSeconds(1), T0.plusSeconds(3600))).hasSize(1);
  }

  @Test
  void aManualSessionOpensOnceAndClosesIntoTheLog() {
    assertThat(store.startManual("T1", "U1", T0, "eval run")).isTrue();
    assertThat(store.startManual("T1", "U1", T0.plusSeconds(5), null)).isFalse();
    assertThat(store.openManual("T1", "U1"))
        .hasValueSatisfying(m -> assertThat(m.note()).isEqualTo("eval run"));
    assertThat(store.stopManual("T1", "U1", T0.plus(Duration.ofHours(2)))).isPresent();
    assertThat(store.openManual("T1", "U1")).isEmpty();
    assertThat(store.sessions("T1", "U1", T0, T0.plus(Duration.ofHours(3))))
        .singleElement()
        .satisfies(s -> assertThat(s.source()).isEqualTo(SessionSource.MANUAL));
  }

  @Test
  void reopeningAMigratedFileKeepsItsData() {
    store.record(at("Ev1", T0));
    db.close();
    db = Database.open(location("store.db"));
    store = new SessionStore(db, RULES);
    assertThat(store.sessions("T1", "U1", T0.minusSeconds(1), T0.plusSeconds(60))).hasSize(1);
  }
}
