package org.secondshift.store;

import java.time.Instant;
import java.time.LocalDate;

/** When each person writing to the bot's Messages tab was last answered with a pointer. */
public final class PointerStore {
  // ISO dates compare as text; a day earlier than the stored one (a zone moved west) is not new.
  private static final String CLAIM_DAY =
      "INSERT INTO dm_pointer (team_id, user_id, answered_on) VALUES (:teamId, :userId, :day)"
          + " ON CONFLICT (team_id, user_id) DO UPDATE SET answered_on = excluded.answered_on"
          + " WHERE dm_pointer.answered_on < excluded.answered_on";

  private final Database db;
  private final OutboxStore outbox;

  public PointerStore(Database db, OutboxStore outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  /**
   * Queues {@code answer} unless the person was answered on {@code day} already, in one transaction
   * with noting the day; returns whether it was queued.
   */
  public boolean answerOncePerDay(
      String teamId, String userId, LocalDate day, OutboxMessage answer, Instant now) {
    return db.write(
        h -> {
          int claimed =
              h.createUpdate(CLAIM_DAY)
                  .bind("teamId", teamId)
                  .bind("userId", userId)
                  .bind("day", day.toString())
                  .execute();
          if (claimed == 0) {
            return false;
          }
          outbox.enqueue(h, answer, now);
          return true;
        });
  }
}
