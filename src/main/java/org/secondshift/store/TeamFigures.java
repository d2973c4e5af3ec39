package org.secondshift.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secondshift.summary.CaptainTally;
import org.secondshift.summary.ChannelTallies;
import org.secondshift.summary.ChannelZone;
import org.secondshift.summary.NudgeTally;

/** Figures that cross features: nudges and captain duty for summaries, rotations for Home. */
public final class TeamFigures implements ChannelTallies, ChannelZone {
  private static final String NUDGES =
      "SELECT answer, COUNT(*) AS n FROM nudge WHERE team_id = :teamId AND user_id IN (<users>)"
          + " AND decided_at >= :from AND decided_at < :to GROUP BY answer";
  private static final String SHIFTS =
      "SELECT started_at, COALESCE(ended_at, ends_at) AS finished FROM shift WHERE team_id = :teamId"
          + " AND channel_id = :channelId AND started_at < :to AND COALESCE(ended_at, ends_at) > :from";
  private static final String ROTATION_ZONE =
      "SELECT zone FROM rotation WHERE team_id = :teamId AND channel_id = :channelId";
  private static final String ROTATIONS_OF =
      "SELECT r.channel_id FROM rotation r JOIN rotation_member m ON m.rotation_id = r.id"
          + " WHERE m.team_id = :teamId AND m.user_id = :userId ORDER BY r.channel_id";
  private static final String RECENT_NUDGES =
      "SELECT kind, decided_at, answer FROM nudge WHERE team_id = :teamId AND user_id = :userId"
          + " AND decided_at >= :since ORDER BY decided_at DESC LIMIT :limit";

  private final Database db;

  public TeamFigures(Database db) {
    this.db = db;
  }

  @Override
  public NudgeTally nudges(String teamId, Collection<String> userIds, Instant from, Instant to) {
    if (userIds.isEmpty()) {
      return NudgeTally.none();
    }
    Map<String, Integer> answers = new LinkedHashMap<>();
    int[] sent = {0};
    db.read(
            h ->
                h.createQuery(NUDGES)
                    .bind("teamId", teamId)
                    .bindList("users", new ArrayList<>(userIds))
                    .bind("from", from.toEpochMilli())
                    .bind("to", to.toEpochMilli())
                    .map(
                        (rs, ctx) ->
                            Map.entry(Optional.ofNullable(rs.getString("answer")), rs.getInt("n")))
                    .list())
        .forEach(
            e -> {
              sent[0] += e.getValue();
              e.getKey().ifPresent(a -> answers.merge(a, e.getValue(), Integer::sum));
            });
    return new NudgeTally(sent[0], answers);
  }

  @Override
  public CaptainTally captain(String teamId, String channelId, Instant from, Instant to) {
    List<Duration> shifts =
        db.read(
            h ->
                h.createQuery(SHIFTS)
                    .bind("teamId", teamId)
                    .bind("channelId", channelId)
                    .bind("from", from.toEpochMilli())
                    .bind("to", to.toEpochMilli())
                    .map(
                        (rs, ctx) ->
                            Duration.ofMillis(
                                Math.min(rs.getLong("finished"), to.toEpochMilli())
                                    - Math.max(rs.getLong("started_at"), from.toEpochMilli())))
                    .list());
    return new CaptainTally(shifts.size(), shifts.stream().reduce(Duration.ZERO, Duration::plus));
  }

  @Override
  public Optional<ZoneId> of(String teamId, String channelId) {
    return db.read(
        h ->
            h.createQuery(ROTATION_ZONE)
                .bind("teamId", teamId)
                .bind("channelId", channelId)
                .mapTo(String.class)
                .findOne()
                .map(ZoneId::of));
  }

  /** Channels whose captain rotation the person is in. */
  public List<String> rotationsOf(String teamId, String userId) {
    return db.read(
        h ->
            h.createQuery(ROTATIONS_OF)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .mapTo(String.class)
                .list());
  }

  /** The person's latest nudges since {@code since}, newest first. */
  public List<PastNudgeRow> recentNudges(String teamId, String userId, Instant since, int limit) {
    return db.read(
        h ->
            h.createQuery(RECENT_NUDGES)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("since", since.toEpochMilli())
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new PastNudgeRow(
                            rs.getString("kind"),
                            Instant.ofEpochMilli(rs.getLong("decided_at")),
                            Optional.ofNullable(rs.getString("answer"))))
                .list());
  }

  /** A nudge as Home lists it. */
  public record PastNudgeRow(String kind, Instant at, Optional<String> answer) {}
}
