package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
import org.secondshift.rest.WorkTrail;
import org.secondshift.testing.Vendor;

/** The activity rest nudges read, from a real SQLite file. */
@ParameterizedClass
@EnumSource(Vendor.class)
class RestStoreTest {
  @Parameter Vendor vendor;
  private final Map<String, DatabaseLocation> locations = new HashMap<>();

  /** The test's database called {@code name}: the same one each time it is asked for. */
  private DatabaseLocation location(String name) {
    return locations.computeIfAbsent(name, n -> vendor.fresh(dir));
  }

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path dir;
  private Database db;
  private SessionStore sessions;
  private RestStore rest;

  @BeforeEach
  void open() {
    db = Database.open(location("rest.db"));
    sessions = new SessionStore(db, SessionRules.defaults());
    rest = new RestStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void message(String eventId, String user, String channel, Instant at) {
    sessions.record(new Activity(eventId, "T1", user, channel, at, ActivityKind.MESSAGE));
  }

  @Test
  void peopleActiveLatelyAreThoseWithActivityOrAnOpenManualSessionSinceThen() {
    message("Ev1", "U1", "C1", T0.minus(Duration.ofHours(2)));
    message("Ev2", "U1", "C1", T0.minus(Duration.ofMinutes(5)));
    message("Ev3", "U2", "C1", T0.minus(Duration.ofMinutes(40)));
    message("Ev4", "U4", "C1", T0.minus(Duration.ofMinutes(20)));
    message("Ev5", "U4", "C1", T0.minus(Duration.ofMinutes(16)));
    sessions.startManual("T1", "U3", T0.minus(Duration.ofHours(1)), null);

    assertThat(rest.activeSince(T0.minus(Duration.ofMinutes(15))))
        .containsExactlyInAnyOrder(
            new WorkTrail.Person("T1", "U1"), new WorkTrail.Person("T1", "U3"));
  }

  @Test
  void recentInstantsAndChannelsAreThePersonsOwn() {
    message("Ev1", "U1", "C1", T0.minus(Duration.ofDays(20)));
    message("Ev2", "U1", "C2", T0.minus(Duration.ofDays(3)));
    message("Ev3", "U1", "C3", T0.minus(Duration.ofMinutes(30)));
    message("Ev4", "U2", "C4", T0.minus(Duration.ofMinutes(10)));

    assertThat(rest.channels("T1", "U1", T0.minus(Duration.ofDays(14))))
        .containsExactlyInAnyOrder("C2", "C3");
    assertThat(rest.activity("T1", "U1", T0.minus(Duration.ofHours(1)), T0))
        .containsExactly(T0.minus(Duration.ofMinutes(30)));
  }
}
