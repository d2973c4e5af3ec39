package org.secondshift.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityLog;
import org.secondshift.hours.ManualStart;
import org.secondshift.hours.Merge;
import org.secondshift.hours.SessionHistory;
import org.secondshift.hours.SessionMerge;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.hours.WorkSession;

/** Activity and work sessions in SQL; each activity is folded into sessions as it arrives. */
public final class SessionStore implements ActivityLog, SessionHistory {
  private static final String INSERT_ACTIVITY =
      "INSERT INTO activity (event_id, team_id, user_id, channel_id, occurred_at, kind)"
          + " VALUES (:eventId, :teamId, :userId, :channelId, :at, :kind)"
          + " ON CONFLICT (event_id) DO NOTHING";
  private static final String NEARBY =
      "SELECT id, started_at, last_at, source FROM work_session"
          + " WHERE team_id = :teamId AND user_id = :userId AND source = :source"
          + " AND last_at > :from AND started_at < :to";
  private static final String OVERLAPPING =
      "SELECT id, started_at, last_at, source FROM work_session"
          + " WHERE team_id = :teamId AND user_id = :userId"
          + " AND last_at > :from AND started_at < :to ORDER BY started_at";
  private static final String INSERT_SESSION =
      "INSERT INTO work_session (team_id, user_id, started_at, last_at, source)"
          + " VALUES (:teamId, :userId, :start, :last, :source)";
  private static final String UPDATE_SESSION =
      "UPDATE work_session SET started_at = :start, last_at = :last WHERE id = :id";
  private static final String DELETE_SESSION = "DELETE FROM work_session WHERE id = :id";
  private static final String OPEN_MANUAL =
      "SELECT started_at, note FROM manual_session WHERE team_id = :teamId AND user_id = :userId";
  private static final String START_MANUAL =
      "INSERT INTO manual_session (team_id, user_id, started_at, note)"
          + " VALUES (:teamId, :userId, :at, :note) ON CONFLICT (team_id, user_id) DO NOTHING";
  private static final String SEEN_IN_CHANNEL =
      "INSERT INTO channel_member (team_id, channel_id, user_id, last_seen_at) VALUES (:teamId, :channelId,"
          + " :userId, :at) ON CONFLICT (team_id, channel_id, user_id) DO UPDATE SET last_seen_at ="
          + " excluded.last_seen_at WHERE channel_member.last_seen_at < excluded.last_seen_at";
  private static final String END_MANUAL =
      "DELETE FROM manual_session WHERE team_id = :teamId AND user_id = :userId";

  private final Database db;
  private final SessionRules rules;
  // Who was seen in which channel on which day (epoch day): membership is written once a day per
  // person and channel, not on every event.
  private final java.util.Map<String, Long> seenToday = new java.util.concurrent.ConcurrentHashMap<>();

  public SessionStore(Database db, SessionRules rules) {
    this.db = db;
    this.rules = rules;
  }

  @Override
  public boolean record(Activity a) {
    String presence = a.teamId() + "/" + a.channelId() + "/" + a.userId();
    long day = a.at().getEpochSecond() / 86_400;
    Long seen = seenToday.get(presence);
    boolean markPresence = seen == null || seen < day;
    try {
      boolean fresh = db.write(h -> {
        int inserted = h.createUpdate(INSERT_ACTIVITY)
            .bind("eventId", a.eventId()).bind("teamId", a.teamId()).bind("userId", a.userId())
            .bind("channelId", a.channelId()).bind("at", a.at().toEpochMilli())
            .bind("kind", a.kind().code())
            .execute();
        if (inserted == 0) {
          return false;
        }
        List<WorkSession> nearby = h.createQuery(NEARBY)
            .bind("teamId", a.teamId()).bind("userId", a.userId())
            .bind("source", SessionSource.ACTIVITY.ordinal())
            .bind("from", a.at().minus(rules.gap()).toEpochMilli())
            .bind("to", a.at().plus(rules.gap()).toEpochMilli())
            .map(SessionStore::session).list();
        apply(h, a.teamId(), a.userId(), SessionMerge.absorb(nearby, a.at(), rules));
        if (markPresence) {
          h.createUpdate(SEEN_IN_CHANNEL).bind("teamId", a.teamId()).bind("channelId", a.channelId())
              .bind("userId", a.userId()).bind("at", a.at().toEpochMilli()).execute();
        }
        return true;
      });
      if (fresh && markPresence) {
        seenToday.merge(presence, day, Math::max);
      }
      return fresh;
    } catch (RuntimeException e) {
      throw new StoreException("could not record event " + a.eventId() + " of user " + a.userId()
          + " in team " + a.teamId(), e);
    }
  }

  private static void apply(Handle h, String teamId, String userId, Merge merge) {
    if (!merge.changed()) {
      return;
    }
    for (long id : merge.removedIds()) {
      h.createUpdate(DELETE_SESSION).bind("id", id).execute();
    }
    WorkSession s = merge.session();
    if (s.id() == 0) {
      insert(h, teamId, userId, s);
    } else {
      h.createUpdate(UPDATE_SESSION).bind("id", s.id())
          .bind("start", s.start().toEpochMilli()).bind("last", s.last().toEpochMilli()).execute();
    }
  }

  private static void insert(Handle h, String teamId, String userId, WorkSession s) {
    h.createUpdate(INSERT_SESSION).bind("teamId", teamId).bind("userId", userId)
        .bind("start", s.start().toEpochMilli()).bind("last", s.last().toEpochMilli())
        .bind("source", s.source().ordinal()).execute();
  }

  @Override
  public List<WorkSession> sessions(String teamId, String userId, Instant from, Instant to) {
    return db.read(h -> h.createQuery(OVERLAPPING)
        .bind("teamId", teamId).bind("userId", userId)
        .bind("from", from.minus(rules.tail()).toEpochMilli()).bind("to", to.toEpochMilli())
        .map(SessionStore::session).list());
  }

  @Override
  public Optional<ManualStart> openManual(String teamId, String userId) {
    return db.read(h -> h.createQuery(OPEN_MANUAL).bind("teamId", teamId).bind("userId", userId)
        .map((rs, ctx) -> new ManualStart(Instant.ofEpochMilli(rs.getLong("started_at")),
            rs.getString("note")))
        .findOne());
  }

  @Override
  public boolean startManual(String teamId, String userId, Instant at, String note) {
    return db.write(h -> h.createUpdate(START_MANUAL).bind("teamId", teamId).bind("userId", userId)
        .bind("at", at.toEpochMilli()).bind("note", note).execute() == 1);
  }

  @Override
  public Optional<WorkSession> stopManual(String teamId, String userId, Instant at) {
    return db.write(h -> {
      Optional<Long> started = h.createQuery(OPEN_MANUAL).bind("teamId", teamId)
          .bind("userId", userId).map((rs, ctx) -> rs.getLong("started_at")).findOne();
      if (started.isEmpty()) {
        return Optional.empty();
      }
      h.createUpdate(END_MANUAL).bind("teamId", teamId).bind("userId", userId).execute();
      Instant start = Instant.ofEpochMilli(started.get());
      WorkSession s = new WorkSession(0, start, at.isBefore(start) ? start : at, SessionSource.MANUAL);
      insert(h, teamId, userId, s);
      return Optional.of(s);
    });
  }

  private static WorkSession session(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new WorkSession(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("started_at")),
        Instant.ofEpochMilli(rs.getLong("last_at")), SessionSource.values()[rs.getInt("source")]);
  }
}
