package org.secondshift.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.secondshift.rest.Nudge;
import org.secondshift.rest.NudgeAnswer;
import org.secondshift.rest.NudgeAnswered;
import org.secondshift.rest.NudgeKind;
import org.secondshift.rest.NudgeLog;
import org.secondshift.rest.PastNudge;

/**
 * Every nudge and the answer to it, each written with its outbox row in one transaction; the row
 * holds the nudge itself, rendered into a message when it is sent.
 */
public final class NudgeStore implements NudgeLog {
  private static final String SINCE =
      "SELECT kind, decided_at, local_date FROM nudge WHERE team_id = :teamId AND user_id = :userId"
          + " AND decided_at > :since ORDER BY decided_at";
  private static final String OTHERS_AFTER =
      "SELECT COUNT(*) FROM nudge WHERE team_id = :teamId AND user_id = :userId AND decided_at > :after";
  private static final String INSERT =
      "INSERT INTO nudge (team_id, user_id, kind, decided_at, local_date, zone, observed_min, days,"
          + " channel_id, captain_id, earlier_today) VALUES (:teamId, :userId, :kind, :at, :date, :zone,"
          + " :observed, :days, :channel, :captain, :earlier)";
  private static final String BY_ID =
      "SELECT id, team_id, user_id, kind, decided_at, zone, observed_min, days, channel_id, captain_id,"
          + " earlier_today FROM nudge WHERE id = :id AND team_id = :teamId AND user_id = :userId";
  private static final String ANSWER =
      "UPDATE nudge SET answer = :answer, answered_at = :at WHERE id = :id AND answer IS NULL";

  private final Database db;
  private final OutboxStore outbox;
  private final RestStore prefs;

  public NudgeStore(Database db, OutboxStore outbox, RestStore prefs) {
    this.db = db;
    this.outbox = outbox;
    this.prefs = prefs;
  }

  /** The outbox reference of a nudge's message, by which a click finds the message to update. */
  public static String ref(Nudge n) {
    return "nudge:" + n.id();
  }

  @Override
  public List<PastNudge> since(String teamId, String userId, Instant since) {
    return db.read(
        h ->
            h.createQuery(SINCE)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("since", since.toEpochMilli())
                .map(
                    (rs, ctx) ->
                        new PastNudge(
                            NudgeKind.ofCode(rs.getString("kind")),
                            Instant.ofEpochMilli(rs.getLong("decided_at")),
                            LocalDate.parse(rs.getString("local_date"))))
                .list());
  }

  @Override
  public Optional<Nudge> record(Nudge draft, Optional<Instant> othersAfter) {
    // One decision per person at a time, across instances too: the check below then sees a nudge
    // another transaction has just recorded.
    return db.write(
        List.of(SessionStore.personLock(draft.teamId(), draft.userId())),
        h -> {
          if (othersAfter.isPresent()
              && h.createQuery(OTHERS_AFTER)
                      .bind("teamId", draft.teamId())
                      .bind("userId", draft.userId())
                      .bind("after", othersAfter.get().toEpochMilli())
                      .mapTo(Long.class)
                      .one()
                  > 0) {
            return Optional.<Nudge>empty();
          }
          long id =
              h.createUpdate(INSERT)
                  .bind("teamId", draft.teamId())
                  .bind("userId", draft.userId())
                  .bind("kind", draft.kind().code())
                  .bind("at", draft.decidedAt().toEpochMilli())
                  .bind("date", draft.localDate().toString())
                  .bind("zone", draft.zone().getId())
                  .bind("observed", draft.observed().toMinutes())
                  .bind("days", draft.days())
                  .bind("channel", draft.channelId().orElse(null))
                  .bind("captain", draft.captainId().orElse(null))
                  .bind("earlier", draft.earlierToday())
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          Nudge stored = draft.withId(id);
          outbox.enqueue(
              h,
              OutboxMessage.decided(
                  stored.teamId(), OutboxKind.NUDGE, stored.userId(), stored, ref(stored)),
              draft.decidedAt());
          return Optional.of(stored);
        });
  }

  @Override
  public Optional<Nudge> answer(
      String teamId,
      String userId,
      long nudgeId,
      NudgeAnswer answer,
      Instant at,
      String channel,
      String ts) {
    return db.write(
        h -> {
          Optional<Nudge> nudge = byId(h, teamId, userId, nudgeId);
          if (nudge.isEmpty()
              || h.createUpdate(ANSWER)
                      .bind("answer", answer.code())
                      .bind("at", at.toEpochMilli())
                      .bind("id", nudgeId)
                      .execute()
                  == 0) {
            return Optional.<Nudge>empty();
          }
          prefs.save(
              h,
              teamId,
              userId,
              prefs.prefs(h, teamId, userId).after(answer, at, nudge.get().zone()));
          outbox.enqueue(
              h,
              OutboxMessage.decidedUpdate(
                  teamId,
                  OutboxKind.NUDGE_ANSWER,
                  channel,
                  ts,
                  new NudgeAnswered(nudge.get(), answer, at),
                  ref(nudge.get())),
              at);
          return nudge;
        });
  }

  private static Optional<Nudge> byId(Handle h, String teamId, String userId, long id) {
    return h.createQuery(BY_ID)
        .bind("id", id)
        .bind("teamId", teamId)
        .bind("userId", userId)
        .map(
            (rs, ctx) ->
                new Nudge(
                    rs.getLong("id"),
                    rs.getString("team_id"),
                    rs.getString("user_id"),
                    NudgeKind.ofCode(rs.getString("kind")),
                    Instant.ofEpochMilli(rs.getLong("decided_at")),
                    ZoneId.of(rs.getString("zone")),
                    Duration.ofMinutes(rs.getLong("observed_min")),
                    rs.getInt("days"),
                    Optional.ofNullable(rs.getString("channel_id")),
                    Optional.ofNullable(rs.getString("captain_id")),
                    rs.getInt("earlier_today")))
        .findOne();
  }
}
