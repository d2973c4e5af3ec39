package org.secondshift.store;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.secondshift.hours.IsoWeek;
import org.secondshift.hours.SessionSource;
import org.secondshift.hours.WorkSession;
import org.secondshift.summary.SummaryInputs;
import org.secondshift.summary.SummaryPlan;

/** Summary plans, posts made, channel members and the sessions a summary is computed from. */
public final class SummaryStore implements SummaryInputs {
  private static final String SEEN_BEFORE =
      "SELECT 1 FROM activity WHERE team_id = :teamId AND user_id IN (<users>)"
          + " AND occurred_at < :before LIMIT 1";
  private static final String MEMBERS =
      "SELECT user_id FROM channel_member WHERE team_id = :teamId AND channel_id = :channelId"
          + " AND last_seen_at >= :since ORDER BY user_id";
  private static final String SESSIONS =
      "SELECT user_id, id, started_at, last_at, source FROM work_session WHERE team_id = :teamId"
          + " AND user_id IN (<users>) AND last_at > :from AND started_at < :to";
  private static final String SHARING =
      "SELECT user_id FROM person WHERE team_id = :teamId AND share_name = 1 AND user_id IN (<users>)";
  private static final String PLANS =
      "SELECT team_id, channel_id, day_of_week, at_time, zone, created_by, created_at FROM summary_schedule";
  private static final String PLAN = PLANS + " WHERE team_id = :teamId AND channel_id = :channelId";
  private static final String SAVE_PLAN =
      "INSERT INTO summary_schedule (team_id, channel_id, day_of_week, at_time, zone, created_by, created_at)"
          + " VALUES (:teamId, :channelId, :day, :at, :zone, :by, :now) ON CONFLICT (team_id, channel_id)"
          + " DO UPDATE SET day_of_week = excluded.day_of_week, at_time = excluded.at_time,"
          + " zone = excluded.zone, created_by = excluded.created_by, created_at = excluded.created_at,"
          + " problem_told_at = NULL";
  private static final String DELETE_PLAN =
      "DELETE FROM summary_schedule WHERE team_id = :teamId AND channel_id = :channelId";
  private static final String CLAIM_POST =
      "INSERT INTO summary_post (team_id, channel_id, week, posted_at) VALUES (:teamId, :channelId, :week, :now)"
          + " ON CONFLICT (team_id, channel_id, week) DO NOTHING";
  private static final String SET_SHARE =
      "INSERT INTO person (team_id, user_id, share_name) VALUES (:teamId, :userId, :share)"
          + " ON CONFLICT (team_id, user_id) DO UPDATE SET share_name = excluded.share_name";

  private final Database db;

  public SummaryStore(Database db) {
    this.db = db;
  }

  @Override
  public List<String> members(String teamId, String channelId, Instant since) {
    return db.read(
        h ->
            h.createQuery(MEMBERS)
                .bind("teamId", teamId)
                .bind("channelId", channelId)
                .bind("since", since.toEpochMilli())
                .mapTo(String.class)
                .list());
  }

  @Override
  public Map<String, List<WorkSession>> sessions(
      String teamId, Collection<String> userIds, Instant from, Instant to) {
    Map<String, List<WorkSession>> byUser = new HashMap<>();
    if (userIds.isEmpty()) {
      return byUser;
    }
    db.read(
            h ->
                h.createQuery(SESSIONS)
                    .bind("teamId", teamId)
                    .bindList("users", new ArrayList<>(userIds))
                    .bind("from", from.minus(java.time.Duration.ofHours(1)).toEpochMilli())
                    .bind("to", to.toEpochMilli())
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString("user_id"),
                                new WorkSession(
                                    rs.getLong("id"),
                                    Instant.ofEpochMilli(rs.getLong("started_at")),
                                    Instant.ofEpochMilli(rs.getLong("last_at")),
                                    SessionSource.values()[rs.getInt("source")])))
                    .list())
        .forEach(e -> byUser.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return byUser;
  }

  @Override
  public Set<String> sharing(String teamId, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        db.read(
            h ->
                h.createQuery(SHARING)
                    .bind("teamId", teamId)
                    .bindList("users", new ArrayList<>(userIds))
                    .mapTo(String.class)
                    .list()));
  }

  @Override
  public boolean seenBefore(String teamId, Collection<String> userIds, Instant before) {
    if (userIds.isEmpty()) {
      return false;
    }
    // One seek per person on the activity key (team, user, time).
    return db.read(
        h ->
            h.createQuery(SEEN_BEFORE)
                .bind("teamId", teamId)
                .bindList("users", new ArrayList<>(userIds))
                .bind("before", before.toEpochMilli())
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
  }

  public void setSharing(String teamId, String userId, boolean share) {
    db.write(
        h ->
            h.createUpdate(SET_SHARE)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("share", share ? 1 : 0)
                .execute());
  }

  public boolean isSharing(String teamId, String userId) {
    return !sharing(teamId, List.of(userId)).isEmpty();
  }

  public List<SummaryPlan> plans() {
    return db.read(h -> h.createQuery(PLANS).map((rs, ctx) -> plan(rs)).list());
  }

  public Optional<SummaryPlan> plan(String teamId, String channelId) {
    return db.read(
        h ->
            h.createQuery(PLAN)
                .bind("teamId", teamId)
                .bind("channelId", channelId)
                .map((rs, ctx) -> plan(rs))
                .findOne());
  }

  public void savePlan(SummaryPlan p) {
    db.write(
        h ->
            h.createUpdate(SAVE_PLAN)
                .bind("teamId", p.teamId())
                .bind("channelId", p.channelId())
                .bind("day", p.day().getValue())
                .bind("at", p.at().toString())
                .bind("zone", p.zone().getId())
                .bind("by", p.createdBy())
                .bind("now", p.createdAt().toEpochMilli())
                .execute());
  }

  public boolean deletePlan(String teamId, String channelId) {
    return db.write(
        h ->
            h.createUpdate(DELETE_PLAN)
                    .bind("teamId", teamId)
                    .bind("channelId", channelId)
                    .execute()
                == 1);
  }

  /**
   * Claims the post of {@code week} in the channel and queues its messages in the same transaction;
   * false (and nothing queued) when that week was already posted.
   */
  public boolean claimPost(
      String teamId,
      String channelId,
      IsoWeek week,
      List<OutboxMessage> messages,
      OutboxStore outbox,
      Instant now) {
    return db.write(
        h -> {
          if (h.createUpdate(CLAIM_POST)
                  .bind("teamId", teamId)
                  .bind("channelId", channelId)
                  .bind("week", week.toString())
                  .bind("now", now.toEpochMilli())
                  .execute()
              == 0) {
            return false;
          }
          queue(h, messages, outbox, now);
          return true;
        });
  }

  /** Queues messages in one transaction (a post on demand, not tied to a week). */
  public void queue(List<OutboxMessage> messages, OutboxStore outbox, Instant now) {
    db.write(
        h -> {
          queue(h, messages, outbox, now);
          return null;
        });
  }

  private static void queue(
      Handle h, List<OutboxMessage> messages, OutboxStore outbox, Instant now) {
    for (OutboxMessage m : messages) {
      outbox.enqueue(h, m, now);
    }
  }

  private static SummaryPlan plan(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SummaryPlan(
        rs.getString("team_id"),
        rs.getString("channel_id"),
        DayOfWeek.of(rs.getInt("day_of_week")),
        LocalTime.parse(rs.getString("at_time")),
        ZoneId.of(rs.getString("zone")),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
