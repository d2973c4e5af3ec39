package org.secondshift.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.secondshift.hours.SessionSource;
import org.secondshift.rest.QuietHours;
import org.secondshift.rest.RestPreferences;
import org.secondshift.rest.RestPrefs;
import org.secondshift.rest.WorkTrail;

/** Each person's rest choices, and the recent activity rest nudges look at (ids and instants). */
public final class RestStore implements RestPreferences, WorkTrail {
  private static final String PREFS =
      "SELECT enabled, quiet_from, quiet_to, daily_limit_min, snoozed_until, paused_until, done_on,"
          + " break_at FROM rest_prefs WHERE team_id = :teamId AND user_id = :userId";
  private static final String SAVE =
      "INSERT INTO rest_prefs (team_id, user_id, enabled, quiet_from, quiet_to, daily_limit_min,"
          + " snoozed_until, paused_until, done_on, break_at) VALUES (:teamId, :userId, :enabled,"
          + " :quietFrom, :quietTo, :limit, :snoozed, :paused, :done, :breakAt)"
          + " ON CONFLICT (team_id, user_id) DO UPDATE SET enabled = excluded.enabled,"
          + " quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,"
          + " daily_limit_min = excluded.daily_limit_min, snoozed_until = excluded.snoozed_until,"
          + " paused_until = excluded.paused_until, done_on = excluded.done_on,"
          + " break_at = excluded.break_at";
  private static final String ACTIVITY =
      "SELECT occurred_at FROM activity WHERE team_id = :teamId AND user_id = :userId"
          + " AND occurred_at >= :from AND occurred_at <= :to ORDER BY occurred_at";
  private static final String CHANNELS =
      "SELECT DISTINCT channel_id FROM activity WHERE team_id = :teamId AND user_id = :userId"
          + " AND occurred_at > :since";
  // An activity session's last_at is its latest activity, so this is who had activity since then,
  // read from the small session table rather than from every event. UNION ALL inside: with a plain
  // UNION SQLite scans the whole by-person index to merge sorted rows instead of reading the range.
  private static final String ACTIVE =
      "SELECT DISTINCT team_id, user_id FROM (SELECT team_id, user_id FROM work_session"
          + " WHERE source = :activity AND last_at > :since UNION ALL SELECT team_id, user_id FROM manual_session)"
          + " AS recent";

  private final Database db;

  public RestStore(Database db) {
    this.db = db;
  }

  @Override
  public RestPrefs prefs(String teamId, String userId) {
    return db.read(h -> prefs(h, teamId, userId));
  }

  @Override
  public void save(String teamId, String userId, RestPrefs p) {
    db.write(h -> save(h, teamId, userId, p));
  }

  /** The choices, read inside the caller's transaction. */
  RestPrefs prefs(Handle h, String teamId, String userId) {
    return h.createQuery(PREFS)
        .bind("teamId", teamId)
        .bind("userId", userId)
        .map(
            (rs, ctx) ->
                new RestPrefs(
                    rs.getInt("enabled") == 1,
                    quiet(rs.getString("quiet_from"), rs.getString("quiet_to")),
                    Optional.ofNullable((Integer) rs.getObject("daily_limit_min"))
                        .map(m -> Duration.ofMinutes(m)),
                    instant(rs.getObject("snoozed_until")),
                    Optional.ofNullable(rs.getString("paused_until")).map(LocalDate::parse),
                    Optional.ofNullable(rs.getString("done_on")).map(LocalDate::parse),
                    instant(rs.getObject("break_at"))))
        .findOne()
        .orElseGet(RestPrefs::defaults);
  }

  /** Saves the choices inside the caller's transaction. */
  int save(Handle h, String teamId, String userId, RestPrefs p) {
    return h.createUpdate(SAVE)
        .bind("teamId", teamId)
        .bind("userId", userId)
        .bind("enabled", p.enabled() ? 1 : 0)
        .bind("quietFrom", p.quiet().map(q -> q.from().toString()).orElse(null))
        .bind("quietTo", p.quiet().map(q -> q.to().toString()).orElse(null))
        .bind("limit", p.dailyLimit().map(d -> (Long) d.toMinutes()).orElse(null))
        .bind("snoozed", p.snoozedUntil().map(Instant::toEpochMilli).orElse(null))
        .bind("paused", p.pausedUntil().map(LocalDate::toString).orElse(null))
        .bind("done", p.doneOn().map(LocalDate::toString).orElse(null))
        .bind("breakAt", p.breakAt().map(Instant::toEpochMilli).orElse(null))
        .execute();
  }

  @Override
  public List<Instant> activity(String teamId, String userId, Instant from, Instant to) {
    return db.read(
        h ->
            h.createQuery(ACTIVITY)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(1)))
                .list());
  }

  @Override
  public Set<String> channels(String teamId, String userId, Instant since) {
    return db.read(
        h ->
            new LinkedHashSet<>(
                h.createQuery(CHANNELS)
                    .bind("teamId", teamId)
                    .bind("userId", userId)
                    .bind("since", since.toEpochMilli())
                    .mapTo(String.class)
                    .list()));
  }

  @Override
  public List<Person> activeSince(Instant since) {
    return db.read(
        h ->
            h.createQuery(ACTIVE)
                .bind("since", since.toEpochMilli())
                .bind("activity", SessionSource.ACTIVITY.ordinal())
                .map((rs, ctx) -> new Person(rs.getString("team_id"), rs.getString("user_id")))
                .list());
  }

  private static Optional<QuietHours> quiet(String from, String to) {
    return from == null || to == null
        ? Optional.empty()
        : Optional.of(new QuietHours(LocalTime.parse(from), LocalTime.parse(to)));
  }

  private static Optional<Instant> instant(Object millis) {
    return millis == null
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(((Number) millis).longValue()));
  }
}
