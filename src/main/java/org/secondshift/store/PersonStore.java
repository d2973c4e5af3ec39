package org.secondshift.store;

import java.time.Instant;
import java.util.Optional;

/** What the bot knows about a person: their time zone and when it last checked it. */
public final class PersonStore {
  private static final String ZONE =
      "SELECT zone, zone_seen_at FROM person WHERE team_id = :teamId AND user_id = :userId";
  private static final String SAVE_ZONE =
      "INSERT INTO person (team_id, user_id, zone, zone_seen_at) VALUES (:teamId, :userId, :zone, :at)"
          + " ON CONFLICT (team_id, user_id) DO UPDATE SET zone = excluded.zone,"
          + " zone_seen_at = excluded.zone_seen_at";
  private static final String SAVE_ZONE_IF_NEWER =
      SAVE_ZONE + " WHERE person.zone IS NULL OR person.zone_seen_at < excluded.zone_seen_at";

  private final Database db;

  public PersonStore(Database db) {
    this.db = db;
  }

  private static final String OVERRIDE =
      "SELECT zone_override FROM person WHERE team_id = :teamId AND user_id = :userId";
  private static final String SAVE_OVERRIDE =
      "INSERT INTO person (team_id, user_id, zone_override) VALUES (:teamId, :userId, :zone)"
          + " ON CONFLICT (team_id, user_id) DO UPDATE SET zone_override = excluded.zone_override";

  /** The zone the person chose in settings over Slack's, if any. */
  public Optional<String> zoneOverride(String teamId, String userId) {
    return db.read(
        h ->
            h.createQuery(OVERRIDE)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .mapTo(String.class)
                .findOne()
                .filter(z -> z != null && !z.isBlank()));
  }

  public void saveZoneOverride(String teamId, String userId, Optional<String> zoneId) {
    db.write(
        h ->
            h.createUpdate(SAVE_OVERRIDE)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("zone", zoneId.orElse(null))
                .execute());
  }

  /** The zone id last seen for the person, and when. */
  public Optional<KnownZone> zone(String teamId, String userId) {
    return db.read(
        h ->
            h.createQuery(ZONE)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .map(
                    (rs, ctx) ->
                        new KnownZone(
                            rs.getString("zone"), Instant.ofEpochMilli(rs.getLong("zone_seen_at"))))
                .findOne()
                .filter(z -> z.zoneId() != null));
  }

  /** Stores a zone Slack told us about at {@code at}, replacing whatever was known. */
  public void saveZone(String teamId, String userId, String zoneId, Instant at) {
    db.write(
        h ->
            h.createUpdate(SAVE_ZONE)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("zone", zoneId)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  /**
   * Stores a zone we asked for at {@code askedAt} unless something newer arrived meanwhile (a
   * {@code user_change} overtaking a slow {@code users.info}); returns the zone now known.
   */
  public KnownZone saveZoneIfNewer(String teamId, String userId, String zoneId, Instant askedAt) {
    db.write(
        h ->
            h.createUpdate(SAVE_ZONE_IF_NEWER)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("zone", zoneId)
                .bind("at", askedAt.toEpochMilli())
                .execute());
    return zone(teamId, userId).orElse(new KnownZone(zoneId, askedAt));
  }

  /** A zone id as Slack reported it, and when it was read. */
  public record KnownZone(String zoneId, Instant seenAt) {}
}
