package org.secondshift.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deletes what is older than the retention period: raw activity, hour sessions, nudges and the
 * delivered messages they caused. Each batch is one short transaction through the shared writer, so
 * events keep being recorded between batches; weekly summaries already posted stay in Slack.
 */
public final class RetentionStore {
  /** Rows one transaction deletes at most, per table or per person. */
  public static final int BATCH = 2_000;

  private final Database db;

  public RetentionStore(Database db) {
    this.db = db;
  }

  /** How many rows of each kind one run deleted. */
  public record Deleted(long activity, long sessions, long nudges, long messages) {
    public long total() {
      return activity + sessions + nudges + messages;
    }
  }

  /** Deletes every row older than {@code cutoff}, batch by batch. */
  public Deleted deleteBefore(Instant cutoff) {
    long before = cutoff.toEpochMilli();
    long activity = 0;
    for (Person p : peopleWithSessionsBefore(before)) {
      for (int n = deleteActivityBatch(p, before); n > 0; n = deleteActivityBatch(p, before)) {
        activity += n;
      }
    }
    long sessions =
        untilDone(
            "DELETE FROM work_session WHERE id IN"
                + " (SELECT id FROM work_session WHERE last_at < :before LIMIT :batch)",
            before);
    long nudges =
        untilDone(
            "DELETE FROM nudge WHERE id IN"
                + " (SELECT id FROM nudge WHERE decided_at < :before LIMIT :batch)",
            before);
    long messages =
        untilDone(
            "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox"
                + " WHERE sent_at IS NOT NULL AND sent_at < :before LIMIT :batch)",
            before);
    return new Deleted(activity, sessions, nudges, messages);
  }

  private record Person(String teamId, String userId) {}

  /** Everyone whose activity may reach back before the cutoff: it lies in their sessions. */
  private List<Person> peopleWithSessionsBefore(long before) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT DISTINCT team_id, user_id FROM work_session WHERE started_at < :before")
                .bind("before", before)
                .map((rs, ctx) -> new Person(rs.getString(1), rs.getString(2)))
                .list());
  }

  /**
   * The person's oldest activity, at most {@link #BATCH} rows: up to the instant of the row after
   * the batch, or the cutoff when fewer are left. Rows sharing that instant go in the next batch.
   */
  private int deleteActivityBatch(Person p, long before) {
    Optional<Long> beyond =
        db.read(
            h ->
                h.createQuery(
                        "SELECT occurred_at FROM activity WHERE team_id = :team AND user_id = :user"
                            + " AND occurred_at < :before ORDER BY occurred_at"
                            + " LIMIT 1 OFFSET :batch")
                    .bind("team", p.teamId())
                    .bind("user", p.userId())
                    .bind("before", before)
                    .bind("batch", BATCH)
                    .mapTo(Long.class)
                    .findOne());
    long upTo = beyond.filter(at -> at < before).orElse(before);
    int deleted =
        db.write(
            h ->
                h.createUpdate(
                        "DELETE FROM activity WHERE team_id = :team AND user_id = :user"
                            + " AND occurred_at < :upTo")
                    .bind("team", p.teamId())
                    .bind("user", p.userId())
                    .bind("upTo", upTo)
                    .execute());
    // A whole batch at one instant (impossible for real events) would leave nothing to delete
    // below it; the cutoff itself then goes next.
    if (deleted == 0 && upTo < before) {
      return db.write(
          h ->
              h.createUpdate(
                      "DELETE FROM activity WHERE team_id = :team AND user_id = :user"
                          + " AND occurred_at <= :upTo")
                  .bind("team", p.teamId())
                  .bind("user", p.userId())
                  .bind("upTo", upTo)
                  .execute());
    }
    return deleted;
  }

  private long untilDone(String delete, long before) {
    long total = 0;
    for (; ; ) {
      int n =
          db.write(
              h -> h.createUpdate(delete).bind("before", before).bind("batch", BATCH).execute());
      total += n;
      if (n < BATCH) {
        return total;
      }
    }
  }
}
