package org.secondshift.store;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.secondshift.captain.Cadence;
import org.secondshift.captain.PendingSetup;
import org.secondshift.captain.PendingSetups;

/** Setups waiting for their author to confirm replacing a rotation, one row each. */
public final class PendingSetupStore implements PendingSetups {
  private static final String SAVE =
      "INSERT INTO pending_setup (id, team_id, channel_id, user_id, roster, cadence_hours,"
          + " cadence_days, handoff_at, zone, replaces, created_at) VALUES (:id, :teamId,"
          + " :channelId, :userId, :roster, :hours, :days, :at, :zone, :replaces, :createdAt)";
  private static final String CLAIM =
      "UPDATE pending_setup SET used_at = :now WHERE id = :id AND team_id = :teamId"
          + " AND user_id = :userId AND used_at IS NULL AND created_at >= :madeAfter";
  private static final String FIND =
      "SELECT * FROM pending_setup WHERE id = :id AND team_id = :teamId AND user_id = :userId";
  private static final String PURGE = "DELETE FROM pending_setup WHERE created_at < :before";

  /** 128 random bits, as 22 URL-safe characters. */
  private static final int ID_BYTES = 16;

  private final Database db;
  private final SecureRandom random = new SecureRandom();

  public PendingSetupStore(Database db) {
    this.db = db;
  }

  @Override
  public String save(PendingSetup s) {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    db.write(
        h ->
            h.createUpdate(SAVE)
                .bind("id", id)
                .bind("teamId", s.teamId())
                .bind("channelId", s.channelId())
                .bind("userId", s.userId())
                .bind("roster", String.join(" ", s.roster()))
                .bind("hours", s.cadence().hours())
                .bind("days", s.cadence().days())
                .bind("at", s.at().toString())
                .bind("zone", s.zone().getId())
                .bind("replaces", s.replaces())
                .bind("createdAt", s.createdAt().toEpochMilli())
                .execute());
    return id;
  }

  @Override
  public Claim claim(String id, String teamId, String userId, Instant madeAfter, Instant now) {
    return db.write(
        h -> {
          int won =
              h.createUpdate(CLAIM)
                  .bind("id", id)
                  .bind("teamId", teamId)
                  .bind("userId", userId)
                  .bind("madeAfter", madeAfter.toEpochMilli())
                  .bind("now", now.toEpochMilli())
                  .execute();
          Optional<Row> row = find(h, id, teamId, userId);
          if (won == 1) {
            return Claim.won(row.orElseThrow().setup());
          }
          return row.filter(r -> r.usedAt() != null).isPresent() ? Claim.used() : Claim.expired();
        });
  }

  @Override
  public int purge(Instant before) {
    return db.write(h -> h.createUpdate(PURGE).bind("before", before.toEpochMilli()).execute());
  }

  private static Optional<Row> find(Handle h, String id, String teamId, String userId) {
    return h.createQuery(FIND)
        .bind("id", id)
        .bind("teamId", teamId)
        .bind("userId", userId)
        .map(new PendingRows())
        .findOne();
  }

  /** A row: the setup, and when it was claimed (null while it waits). */
  private record Row(PendingSetup setup, Instant usedAt) {}

  private static final class PendingRows implements RowMapper<Row> {
    @Override
    public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
      long used = rs.getLong("used_at");
      Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
      PendingSetup setup =
          new PendingSetup(
              rs.getString("team_id"),
              rs.getString("channel_id"),
              rs.getString("user_id"),
              Arrays.asList(rs.getString("roster").split(" ")),
              new Cadence(rs.getInt("cadence_hours"), rs.getInt("cadence_days")),
              LocalTime.parse(rs.getString("handoff_at")),
              ZoneId.of(rs.getString("zone")),
              rs.getLong("replaces"),
              Instant.ofEpochMilli(rs.getLong("created_at")));
      return new Row(setup, usedAt);
    }
  }
}
