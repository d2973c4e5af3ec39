package org.secondshift.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityLog;
import org.secondshift.hours.ManualStart;
import org.secondshift.hours.SessionHistory;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.hours.WorkSession;

/** Activity and work sessions in SQL; each activity is folded into sessions as it arrives. */
public final class SessionStore implements ActivityLog, SessionHistory {
  private static final String OVERLAPPING =
      "SELECT id, started_at, last_at, source FROM work_session"
          + " WHERE team_id = :teamId AND user_id = :userId"
          + " AND last_at > :from AND started_at < :to ORDER BY started_at";
  private static final String OPEN_MANUAL =
      "SELECT started_at, note FROM manual_session WHERE team_id = :teamId AND user_id = :userId";
  private static final String START_MANUAL =
      "INSERT INTO manual_session (team_id, user_id, started_at, note)"
          + " VALUES (:teamId, :userId, :at, :note) ON CONFLICT (team_id, user_id) DO NOTHING";
  private static final String END_MANUAL =
      "DELETE FROM manual_session WHERE team_id = :teamId AND user_id = :userId";

  private final Database db;
  private final SessionRules rules;
  // Who was seen in which channel on which day (epoch day): membership is written once a day per
  // person and channel, not on every event.
  private final Map<String, Long> seenToday = new ConcurrentHashMap<>();
  // The writer runs a batch of records in one transaction on one handle: its statements are
  // prepared once for the batch, not once per event, and closed with the handle.
  private final Map<Handle, ActivityWrites> prepared = new ConcurrentHashMap<>();

  public SessionStore(Database db, SessionRules rules) {
    this.db = db;
    this.rules = rules;
  }

  @Override
  public boolean record(Activity a) {
    try {
      return recordAll(List.of(a)) == 1;
    } catch (RuntimeException e) {
      throw new StoreException(
          "could not record event "
              + a.eventId()
              + " of user "
              + a.userId()
              + " in team "
              + a.teamId(),
          e);
    }
  }

  /**
   * Records many activities in one transaction, each exactly as {@link #record} would; for
   * importing history, where a transaction per event would be the bottleneck.
   *
   * @return how many were new (the others were already recorded)
   */
  public int recordAll(List<Activity> activities) {
    // Folding reads a person's sessions and then writes them: one writer per person at a time.
    List<String> people =
        activities.stream().map(a -> personLock(a.teamId(), a.userId())).distinct().toList();
    Recorded recorded =
        db.write(
            people,
            h -> {
              Recorded r = new Recorded();
              try {
                ActivityWrites writes = writes(h);
                for (Activity a : activities) {
                  String key = a.teamId() + "/" + a.channelId() + "/" + a.userId();
                  long day = a.at().getEpochSecond() / 86_400;
                  boolean markPresence =
                      seenToday.getOrDefault(key, Long.MIN_VALUE) < day
                          && r.presence.getOrDefault(key, Long.MIN_VALUE) < day;
                  if (writes.record(a, markPresence)) {
                    r.fresh++;
                    if (markPresence) {
                      r.presence.put(key, day);
                    }
                  }
                }
              } catch (SQLException e) {
                throw new StoreException(
                    "could not record " + activities.size() + " activities", e);
              }
              return r;
            });
    // Only after the commit: a failed transaction must not leave presence counted as written.
    recorded.presence.forEach((key, day) -> seenToday.merge(key, day, Math::max));
    return recorded.fresh;
  }

  /** The statements prepared on {@code h}, prepared now if this is the handle's first record. */
  private ActivityWrites writes(Handle h) throws SQLException {
    ActivityWrites writes = prepared.get(h);
    if (writes == null) {
      ActivityWrites fresh = new ActivityWrites(h.getConnection(), rules);
      prepared.put(h, fresh);
      h.addCleanable(
          () -> {
            prepared.remove(h);
            fresh.close();
          });
      writes = fresh;
    }
    return writes;
  }

  /** The lock held by whoever decides or writes about one person: their sessions, their nudges. */
  static String personLock(String teamId, String userId) {
    return "person/" + teamId + "/" + userId;
  }

  /**
   * What one transaction of activities did: presence written (key to epoch day), and how many were
   * new.
   */
  private static final class Recorded {
    final Map<String, Long> presence = new HashMap<>();
    int fresh;
  }

  @Override
  public List<WorkSession> sessions(String teamId, String userId, Instant from, Instant to) {
    return db.read(
        h ->
            h.createQuery(OVERLAPPING)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .bind("from", from.minus(rules.tail()).toEpochMilli())
                .bind("to", to.toEpochMilli())
                .map(SessionStore::session)
                .list());
  }

  @Override
  public Optional<ManualStart> openManual(String teamId, String userId) {
    return db.read(
        h ->
            h.createQuery(OPEN_MANUAL)
                .bind("teamId", teamId)
                .bind("userId", userId)
                .map(
                    (rs, ctx) ->
                        new ManualStart(
                            Instant.ofEpochMilli(rs.getLong("started_at")), rs.getString("note")))
                .findOne());
  }

  @Override
  public boolean startManual(String teamId, String userId, Instant at, String note) {
    return db.write(
        h ->
            h.createUpdate(START_MANUAL)
                    .bind("teamId", teamId)
                    .bind("userId", userId)
                    .bind("at", at.toEpochMilli())
                    .bind("note", note)
                    .execute()
                == 1);
  }

  @Override
  public Optional<WorkSession> stopManual(String teamId, String userId, Instant at) {
    return db.write(
        h -> {
          Optional<Long> started =
              h.createQuery(OPEN_MANUAL)
                  .bind("teamId", teamId)
                  .bind("userId", userId)
                  .map((rs, ctx) -> rs.getLong("started_at"))
                  .findOne();
          if (started.isEmpty()) {
            return Optional.empty();
          }
          h.createUpdate(END_MANUAL).bind("teamId", teamId).bind("userId", userId).execute();
          Instant start = Instant.ofEpochMilli(started.get());
          WorkSession s =
              new WorkSession(0, start, at.isBefore(start) ? start : at, SessionSource.MANUAL);
          insert(h, teamId, userId, s);
          return Optional.of(s);
        });
  }

  private static void insert(Handle h, String teamId, String userId, WorkSession s) {
    h.createUpdate(ActivityWrites.INSERT_SESSION)
        .bind(0, teamId)
        .bind(1, userId)
        .bind(2, s.start().toEpochMilli())
        .bind(3, s.last().toEpochMilli())
        .bind(4, s.source().ordinal())
        .execute();
  }

  private static WorkSession session(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new WorkSession(
        rs.getLong("id"),
        Instant.ofEpochMilli(rs.getLong("started_at")),
        Instant.ofEpochMilli(rs.getLong("last_at")),
        SessionSource.values()[rs.getInt("source")]);
  }
}
