package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;
import org.secondshift.hours.SessionRules;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Vendor;

/**
 * Two instances recording the same people at once on one PostgreSQL: every event is stored, and
 * their shared write transactions never wait on each other in a circle (PostgreSQL counts every
 * deadlock it breaks, and the count stays at zero).
 */
class SharedWritesTest {
  private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");
  private static final int PEOPLE = 40;
  private static final int ROUNDS = 15;

  @TempDir Path dir;

  @Test
  void twoInstancesRecordingTheSamePeopleInOppositeOrdersNeverDeadlock() throws Exception {
    DatabaseLocation shared = Vendor.POSTGRESQL.fresh(dir);
    Database a = Database.open(shared);
    Database b = Database.open(shared);
    ExecutorService callers = Executors.newFixedThreadPool(48);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> recorded = new ArrayList<>();
    try {
      SessionStore onA = new SessionStore(a, SessionRules.defaults());
      SessionStore onB = new SessionStore(b, SessionRules.defaults());
      for (int round = 0; round < ROUNDS; round++) {
        for (int p = 0; p < PEOPLE; p++) {
          // A goes through the people one way and B the other, so their batches, if each took
          // its locks as its events came, would hold what the other waits for.
          Activity toA = activity("a" + round + "-" + p, p, round);
          Activity toB = activity("b" + round + "-" + p, PEOPLE - 1 - p, round);
          recorded.add(callers.submit(() -> go.await(1, TimeUnit.MINUTES) && onA.record(toA)));
          recorded.add(callers.submit(() -> go.await(1, TimeUnit.MINUTES) && onB.record(toB)));
        }
      }
      go.countDown();
      for (Future<Boolean> r : recorded) {
        assertThat(r.get(1, TimeUnit.MINUTES)).isTrue();
      }
    } finally {
      callers.shutdownNow();
      a.close();
      b.close();
    }

    assertThat(DbPeek.count(shared, "SELECT COUNT(*) FROM activity"))
        .isEqualTo(2L * PEOPLE * ROUNDS);
    assertThat(deadlocksBroken(shared)).isZero();
  }

  private static Activity activity(String eventId, int person, int round) {
    return new Activity(
        eventId,
        "T1",
        "U" + person,
        "C1",
        AT.plus(Duration.ofMinutes(round)),
        ActivityKind.MESSAGE);
  }

  /**
   * The deadlocks PostgreSQL broke in the database. A backend reports its counts when it exits, so
   * this waits until the instances' connections are gone before it reads them.
   */
  private static long deadlocksBroken(DatabaseLocation at) throws SQLException {
    try (Connection c = DriverManager.getConnection(at.jdbcUrl(), at.user(), at.password());
        Statement s = c.createStatement()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (count(
                  s,
                  "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND pid <> pg_backend_pid()")
              > 0
          && System.nanoTime() < deadline) {
        // The count comes from the server each time; ask again until the last backend is gone.
        s.execute("SELECT pg_stat_clear_snapshot()");
      }
      s.execute("SELECT pg_stat_clear_snapshot()");
      return count(s, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
