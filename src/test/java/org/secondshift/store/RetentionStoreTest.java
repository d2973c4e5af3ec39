package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.secondshift.testing.Vendor;

/** Rows older than the retention period go, in batches; younger ones and unsent messages stay. */
@ParameterizedClass
@EnumSource(Vendor.class)
class RetentionStoreTest {
  @Parameter Vendor vendor;

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(400));

  @TempDir Path dir;
  private Database db;
  private SessionStore sessions;

  @BeforeEach
  void open() {
    db = Database.open(vendor.fresh(dir));
    sessions = new SessionStore(db, SessionRules.defaults());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void deletesActivitySessionsNudgesAndDeliveredMessagesOlderThanTheCutoffAndNothingYounger() {
    // Ada: a morning's three messages every day for 500 days, and one day 450 days ago with a
    // bot-like burst of 2,500 events, more than one batch. Bo: only the last 100 days.
    List<Activity> ada = new ArrayList<>();
    for (int day = 1; day <= 500; day++) {
      Instant morning = NOW.minus(Duration.ofDays(day));
      for (int m = 0; m < 3; m++) {
        ada.add(message("Ea" + day + "-" + m, "U0ADA", morning.plus(Duration.ofMinutes(10L * m))));
      }
    }
    Instant burst = NOW.minus(Duration.ofDays(450)).plus(Duration.ofHours(3));
    for (int i = 0; i < 2_500; i++) {
      ada.add(message("Eb" + i, "U0ADA", burst.plusMillis(200L * i)));
    }
    List<Activity> bo = new ArrayList<>();
    for (int day = 1; day <= 100; day++) {
      bo.add(message("Ec" + day, "U0BO", NOW.minus(Duration.ofDays(day))));
    }
    sessions.recordAll(ada);
    sessions.recordAll(bo);
    long oldActivity = 3L * 100 + 2_500; // days 401..500
    long youngActivity = 3L * 400 + 100;
    assertThat(count("SELECT COUNT(*) FROM activity")).isEqualTo(oldActivity + youngActivity);
    long oldSessions = count("SELECT COUNT(*) FROM work_session WHERE last_at < " + ms(CUTOFF));
    assertThat(oldSessions).isGreaterThanOrEqualTo(100);

    nudge("U0ADA", NOW.minus(Duration.ofDays(420)));
    nudge("U0ADA", NOW.minus(Duration.ofDays(30)));
    message(NOW.minus(Duration.ofDays(410)), true);
    message(NOW.minus(Duration.ofDays(410)), false);
    message(NOW.minus(Duration.ofDays(2)), true);

    RetentionStore.Deleted deleted = new RetentionStore(db).deleteBefore(CUTOFF);

    assertThat(deleted.activity()).isEqualTo(oldActivity);
    assertThat(deleted.sessions()).isEqualTo(oldSessions);
    assertThat(deleted.nudges()).isEqualTo(1);
    assertThat(deleted.messages()).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM activity WHERE occurred_at < " + ms(CUTOFF))).isZero();
    assertThat(count("SELECT COUNT(*) FROM activity")).isEqualTo(youngActivity);
    assertThat(count("SELECT COUNT(*) FROM activity WHERE user_id = 'U0BO'")).isEqualTo(100);
    assertThat(count("SELECT COUNT(*) FROM work_session WHERE last_at < " + ms(CUTOFF))).isZero();
    assertThat(count("SELECT COUNT(*) FROM work_session WHERE user_id = 'U0ADA'")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM nudge")).isEqualTo(1);
    // A message never delivered stays, whatever its age: it is still owed to someone.
    assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isEqualTo(1);

    // A second run finds nothing left to do.
    assertThat(new RetentionStore(db).deleteBefore(CUTOFF).total()).isZero();
  }

  private static Activity message(String eventId, String user, Instant at) {
    return new Activity(eventId, "T1", user, "C1", at, ActivityKind.MESSAGE);
  }

  private void nudge(String user, Instant at) {
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO nudge (team_id, user_id, kind, decided_at, local_date, zone)"
                        + " VALUES ('T1', :user, 'long_stretch', :at, '2025-01-01', 'UTC')")
                .bind("user", user)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  private void message(Instant at, boolean delivered) {
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO outbox (team_id, kind, method, channel_id, text, created_at,"
                        + " next_attempt_at, sent_at) VALUES ('T1', 'nudge', 'chat.postMessage',"
                        + " 'DU0ADA', 'rest', :at, :at, :sent)")
                .bind("at", at.toEpochMilli())
                .bind("sent", delivered ? (Long) at.toEpochMilli() : null)
                .execute());
  }

  private long count(String sql) {
    return db.read(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private static long ms(Instant at) {
    return at.toEpochMilli();
  }
}
