package org.secondshift.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives up on outbox rows and, the first time a message of a rotation or of a weekly summary plan
 * cannot be delivered, queues a word to whoever set it up, in the same transaction as marking the
 * row failed: they hear of it once per plan, however many of its messages fail.
 */
public final class PostFailures {
  /** The kind of plan a message belongs to. */
  public enum Plan {
    ROTATION(
        "UPDATE rotation SET problem_told_at = :now WHERE team_id = :teamId AND channel_id = :channelId"
            + " AND problem_told_at IS NULL AND set_up_by IS NOT NULL",
        "SELECT set_up_by FROM rotation WHERE team_id = :teamId AND channel_id = :channelId"),
    SUMMARY(
        "UPDATE summary_schedule SET problem_told_at = :now WHERE team_id = :teamId"
            + " AND channel_id = :channelId AND problem_told_at IS NULL AND created_by <> ''",
        "SELECT created_by FROM summary_schedule WHERE team_id = :teamId AND channel_id = :channelId");

    private final String claimTelling;
    private final String setter;

    Plan(String claimTelling, String setter) {
      this.claimTelling = claimTelling;
      this.setter = setter;
    }
  }

  /** The plan of one channel that a message belongs to. */
  public record Owner(Plan plan, String teamId, String channelId) {
    public Owner {
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(teamId, "teamId");
      Objects.requireNonNull(channelId, "channelId");
    }
  }

  /** The word to a plan's setter: Slack refused the plan's posts with {@code error}. */
  public record Refused(Owner owner, String error) {
    public Refused {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(error, "error");
    }
  }

  private final Database db;
  private final OutboxStore outbox;

  public PostFailures(Database db, OutboxStore outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  /**
   * Marks row {@code id} failed; when {@code owner} is present and its setter was not told yet,
   * queues a {@link Refused} notice to them in the same transaction and returns who.
   */
  public Optional<String> fail(long id, String error, Instant now, Optional<Owner> owner) {
    return db.write(
        h -> {
          outbox.fail(h, id, error, now);
          if (owner.isEmpty()) {
            return Optional.<String>empty();
          }
          Owner o = owner.get();
          int claimed =
              h.createUpdate(o.plan().claimTelling)
                  .bind("now", now.toEpochMilli())
                  .bind("teamId", o.teamId())
                  .bind("channelId", o.channelId())
                  .execute();
          if (claimed == 0) {
            return Optional.<String>empty();
          }
          Optional<String> setter =
              h.createQuery(o.plan().setter)
                  .bind("teamId", o.teamId())
                  .bind("channelId", o.channelId())
                  .mapTo(String.class)
                  .findOne();
          setter.ifPresent(
              user ->
                  outbox.enqueue(
                      h,
                      OutboxMessage.decided(
                          o.teamId(),
                          OutboxKind.POST_FAILED,
                          user,
                          new Refused(o, error),
                          "post-failed:" + o.channelId()),
                      now));
          return setter;
        });
  }
}
