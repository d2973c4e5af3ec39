package org.secondshift.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.secondshift.hours.SessionSource;

/**
 * Everything stored about one person, for export and for erasure. Each feature that stores rows
 * about people adds its tables here, so that forgetting someone cannot miss one.
 */
public final class PersonalData {
  private static final String SESSIONS =
      "SELECT started_at, last_at, source FROM work_session WHERE team_id = :teamId AND user_id = :userId"
          + " ORDER BY started_at";
  private static final String NUDGES =
      "SELECT kind, decided_at, local_date, answer, answered_at FROM nudge WHERE team_id = :teamId"
          + " AND user_id = :userId ORDER BY decided_at";

  /** Rows about the person, table by table; run in one transaction. */
  private static final List<String> ERASE =
      List.of(
          "DELETE FROM activity WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM work_session WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM manual_session WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM channel_member WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM person WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM dm_pointer WHERE team_id = :teamId AND user_id = :userId",
          "UPDATE summary_schedule SET created_by = '' WHERE team_id = :teamId AND created_by = :userId",
          "DELETE FROM rest_prefs WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM nudge WHERE team_id = :teamId AND user_id = :userId",
          "UPDATE nudge SET captain_id = NULL WHERE team_id = :teamId AND captain_id = :userId",
          "DELETE FROM handoff_note WHERE team_id = :teamId AND (author_id = :userId OR handed_to = :userId"
              + " OR text LIKE :pattern)",
          "DELETE FROM shift WHERE team_id = :teamId AND (planned_user = :userId OR captain_user = :userId)",
          "DELETE FROM shift_pin WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM rotation_member WHERE team_id = :teamId AND user_id = :userId",
          "DELETE FROM pending_setup WHERE team_id = :teamId AND (user_id = :userId OR roster LIKE :pattern)",
          "UPDATE rotation SET last_captain = NULL WHERE team_id = :teamId AND last_captain = :userId",
          "UPDATE rotation SET set_up_by = NULL WHERE team_id = :teamId AND set_up_by = :userId",
          // Messages to them, and any queued or sent message that names them, but no goodbye: a
          // second click must not count the first one's goodbye as data and queue another.
          "DELETE FROM outbox WHERE team_id = :teamId AND (channel_id = :userId OR sent_channel = :userId"
              + " OR text LIKE :pattern OR blocks_json LIKE :pattern OR notice_json LIKE :pattern"
              + " OR ref LIKE :pattern) AND kind <> 'farewell'");

  /**
   * Goodbyes that are done with, delivered or given up, and not counted: one on its way stays (it
   * deletes itself once delivered).
   */
  private static final String ERASE_DONE_FAREWELLS =
      "DELETE FROM outbox WHERE team_id = :teamId AND channel_id = :userId AND kind = 'farewell'"
          + " AND (sent_at IS NOT NULL OR failed_at IS NOT NULL)";

  private final Database db;

  public PersonalData(Database db) {
    this.db = db;
  }

  /** The person's hour log: every session, oldest first. */
  public List<SessionRow> sessions(String teamId, String userId) {
    return db.read(
        h ->
            h.createQuery(SESSIONS)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .map(
                    (rs, ctx) ->
                        new SessionRow(
                            Instant.ofEpochMilli(rs.getLong("started_at")),
                            Instant.ofEpochMilli(rs.getLong("last_at")),
                            SessionSource.values()[rs.getInt("source")]))
                .list());
  }

  /** Every rest nudge the person got, and the button they chose. */
  public List<NudgeRow> nudges(String teamId, String userId) {
    return db.read(
        h ->
            h.createQuery(NUDGES)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .map(
                    (rs, ctx) ->
                        new NudgeRow(
                            rs.getString("kind"),
                            Instant.ofEpochMilli(rs.getLong("decided_at")),
                            rs.getString("local_date"),
                            rs.getString("answer"),
                            answeredAt(rs.getObject("answered_at"))))
                .list());
  }

  /**
   * Deletes every row about the person and, if there was any, queues {@code farewell} (a row the
   * sender deletes once delivered) in the same transaction; then empties the write-ahead log.
   */
  public int forget(
      String teamId, String userId, OutboxMessage farewell, OutboxStore outbox, Instant now) {
    int rows =
        db.write(
            h -> {
              int erased = erase(h, teamId, userId);
              // A second click finds nothing left and must not say goodbye twice.
              return erased
                  + (farewell == null || erased == 0 ? 0 : enqueued(h, farewell, outbox, now));
            });
    db.checkpoint();
    return rows;
  }

  private static int enqueued(Handle h, OutboxMessage farewell, OutboxStore outbox, Instant now) {
    outbox.enqueue(h, farewell, now);
    return 0;
  }

  private static int erase(Handle h, String teamId, String userId) {
    List<Integer> counts = new ArrayList<>();
    for (String sql : ERASE) {
      var update = h.createUpdate(sql).bind("teamId", teamId).bind("userId", userId);
      if (sql.contains(":pattern")) {
        update.bind("pattern", "%" + userId + "%");
      }
      counts.add(update.execute());
    }
    h.createUpdate(ERASE_DONE_FAREWELLS).bind("teamId", teamId).bind("userId", userId).execute();
    return counts.stream().mapToInt(Integer::intValue).sum();
  }

  private static Instant answeredAt(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }

  /** One nudge as exported; answer and answeredAt are null when no button was clicked. */
  public record NudgeRow(
      String kind, Instant decidedAt, String localDate, String answer, Instant answeredAt) {}

  /** One line of the exported hour log. */
  public record SessionRow(Instant start, Instant last, SessionSource source) {}
}
