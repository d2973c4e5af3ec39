package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.slack.blocks.Rendered;
import org.secondshift.slack.blocks.Renderer;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Vendor;

/**
 * Outbox rows written by the version before notices were rendered at send time, and rows that
 * cannot be read: an upgrade sends the first as they were written, and never stalls on the second.
 */
@ParameterizedClass
@EnumSource(Vendor.class)
class OutboxUpgradeTest {
  private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");

  @Parameter Vendor vendor;
  @TempDir Path dir;

  @Test
  void aMessageQueuedBeforeTheUpgradeGoesOutAsItWasWritten() throws SQLException {
    DatabaseLocation at = atVersion16();
    execute(
        at,
        "INSERT INTO outbox (team_id, kind, method, channel_id, text, blocks_json, ref, created_at,"
            + " next_attempt_at) VALUES ('T1', 'nudge', 'chat.postMessage', 'U1',"
            + " 'Time for a break?', '[]', 'nudge:9', 1, 1)");

    Database db = Database.open(at);
    try {
      List<OutboxRow> rows =
          new OutboxStore(db).claimDue(NOW, 10, Duration.ofMinutes(1), "upgrade-test");

      assertThat(rows)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.message().notice()).isNull();
                assertThat(new Renderer().render(r.message()))
                    .isEqualTo(new Rendered("Time for a break?", "[]"));
              });
    } finally {
      db.close();
    }
  }

  @Test
  void aRowWhoseNoticeCannotBeReadIsGivenUpAndTheOthersStillGoOut() throws SQLException {
    DatabaseLocation at = atVersion16();
    Database db = Database.open(at);
    try {
      execute(
          at,
          "INSERT INTO outbox (team_id, kind, method, channel_id, notice_json, ref, created_at,"
              + " next_attempt_at) VALUES ('T1', 'nudge', 'chat.postMessage', 'U1', '{\"id\":',"
              + " 'nudge:1', 1, 1)");
      execute(
          at,
          "INSERT INTO outbox (team_id, kind, method, channel_id, text, created_at,"
              + " next_attempt_at) VALUES ('T1', 'pointer', 'chat.postMessage', 'D1', 'Try /shift',"
              + " 2, 2)");
      OutboxStore outbox = new OutboxStore(db);

      List<OutboxRow> claimed = outbox.claimDue(NOW, 10, Duration.ofMinutes(1), "upgrade-test");
      assertThat(claimed).extracting(r -> r.message().kind()).containsExactly(OutboxKind.POINTER);
      assertThat(
              DbPeek.count(
                  at,
                  "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL"
                      + " AND last_error = 'unreadable_notice'"))
          .isEqualTo(1);
      // Once the readable row is sent, nothing is left waiting: the damaged one does not come back.
      outbox.markSent(claimed.get(0).id(), "D1", "1.1", NOW);
      assertThat(outbox.nextDue()).isEmpty();
    } finally {
      db.close();
    }
  }

  /** A fresh database migrated up to the schema of the version before, as an old bot left it. */
  private DatabaseLocation atVersion16() {
    DatabaseLocation at = vendor.fresh(dir);
    Flyway.configure()
        .dataSource(at.jdbcUrl(), at.user(), at.password())
        .locations("classpath:db/migration/" + (at.isPostgres() ? "postgresql" : "sqlite"))
        .target("16")
        .load()
        .migrate();
    return at;
  }

  private static void execute(DatabaseLocation at, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(at.jdbcUrl(), at.user(), at.password());
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
