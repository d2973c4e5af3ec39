package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.WorkSession;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Vendor;

/** What each vendor's connection promises, and several instances sharing one PostgreSQL. */
class DatabaseTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final SessionRules RULES =
      new SessionRules(Duration.ofMinutes(30), Duration.ofMinutes(10));

  private static final String INSERT_PERSON =
      "INSERT INTO person (team_id, user_id, zone, zone_seen_at) VALUES (?, ?, ?, ?)";

  @TempDir Path dir;

  @Test
  void sqliteRunsInWalModeWithForeignKeysAndABusyTimeout() {
    try (Database db = Database.open(Vendor.SQLITE.fresh(dir))) {
      String journal = db.read(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
      Integer foreignKeys =
          db.read(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
      Integer busyTimeout =
          db.read(h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
      assertThat(journal).isEqualToIgnoringCase("wal");
      assertThat(foreignKeys).isEqualTo(1);
      assertThat(busyTimeout).isEqualTo(5000);
    }
  }

  @Test
  void twoInstancesRecordingOnePersonAtOnceKeepEachEventOnceAndLoseNoSessionUpdate()
      throws Exception {
    List<Activity> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // Bursts with gaps: many merges and bridges, in a different order on each node.
      long minute = (i / 20) * 45L + (i % 20) * 2L;
      events.add(
          new Activity(
              "Ev" + i,
              "T1",
              "U1",
              "C1",
              T0.plus(Duration.ofMinutes(minute)),
              ActivityKind.MESSAGE));
    }
    List<WorkSession> expected;
    try (Database alone = Database.open(Vendor.SQLITE.fresh(dir))) {
      SessionStore store = new SessionStore(alone, RULES);
      events.forEach(store::record);
      expected = store.sessions("T1", "U1", T0.minusSeconds(1), T0.plus(Duration.ofDays(2)));
    }

    DatabaseLocation shared = Vendor.POSTGRESQL.fresh(dir);
    try (Database a = Database.open(shared);
        Database b = Database.open(shared)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        // Slack may deliver an event to either node, and retries to the other: each node gets all.
        for (Database node : List.of(a, b)) {
          SessionStore store = new SessionStore(node, RULES);
          for (int part = 0; part < 4; part++) {
            List<Activity> mine = new ArrayList<>(events);
            Collections.shuffle(mine, new Random(part * 31L + (node == a ? 1 : 2)));
            done.add(pool.submit(() -> mine.forEach(store::record)));
          }
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(DbPeek.count(shared, "SELECT COUNT(*) FROM activity")).isEqualTo(events.size());
      assertThat(
              new SessionStore(a, RULES)
                  .sessions("T1", "U1", T0.minusSeconds(1), T0.plus(Duration.ofDays(2))))
          .extracting(WorkSession::start, WorkSession::last)
          .containsExactlyElementsOf(
              expected.stream()
                  .map(s -> org.assertj.core.groups.Tuple.tuple(s.start(), s.last()))
                  .toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void aWriteThatCannotBeginWithinItsBudgetIsGivenUpAndNeverApplied(Vendor vendor)
      throws Exception {
    DatabaseLocation location = vendor.fresh(dir);
    try (Database db = Database.open(location);
        Connection other = DriverManager.getConnection(location.jdbcUrl());
        Statement s = other.createStatement()) {
      // Another process holds the lock every write needs.
      if (vendor == Vendor.SQLITE) {
        s.execute("BEGIN IMMEDIATE");
      } else {
        other.setAutoCommit(false);
        s.execute("LOCK TABLE person IN ACCESS EXCLUSIVE MODE");
      }
      long started = System.nanoTime();
      assertThatThrownBy(
              () ->
                  db.within(
                      Duration.ofMillis(500),
                      () -> db.write(h -> h.execute(INSERT_PERSON, "T1", "U1", "UTC", 1L))))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("not applied");
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      if (vendor == Vendor.SQLITE) {
        s.execute("ROLLBACK");
      } else {
        other.rollback();
      }

      // A write after the lock is gone goes through, and the one given up stays given up.
      db.write(h -> h.execute(INSERT_PERSON, "T1", "U2", "UTC", 1L));
      assertThat(waited).isLessThan(Duration.ofSeconds(2));
      assertThat(DbPeek.count(location, "SELECT COUNT(*) FROM person WHERE user_id = 'U1'"))
          .isZero();
      assertThat(DbPeek.count(location, "SELECT COUNT(*) FROM person WHERE user_id = 'U2'"))
          .isEqualTo(1);
    }
  }

  @Test
  void aWriteWithoutABudgetWaitsForTheLockInsteadOfFailing() throws Exception {
    DatabaseLocation location = Vendor.SQLITE.fresh(dir);
    try (Database db = Database.open(location);
        Connection other = DriverManager.getConnection(location.jdbcUrl());
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      CompletableFuture<Integer> write =
          CompletableFuture.supplyAsync(
              () -> db.write(h -> h.execute(INSERT_PERSON, "T1", "U1", "UTC", 1L)));
      // Longer than SQLite's busy timeout: the writer keeps trying instead of failing the write.
      assertThat(catchThrowable(() -> write.get(6, TimeUnit.SECONDS)))
          .isInstanceOf(TimeoutException.class);
      s.execute("ROLLBACK");
      assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
  }
}
