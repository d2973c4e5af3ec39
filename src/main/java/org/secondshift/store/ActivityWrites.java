package org.secondshift.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.secondshift.activity.Activity;
import org.secondshift.hours.Merge;
import org.secondshift.hours.SessionMerge;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.hours.WorkSession;

/**
 * Stores activity and folds it into work sessions, with its statements prepared once per
 * transaction: importing history runs them millions of times, and preparing each anew would cost
 * more than running it.
 */
final class ActivityWrites implements AutoCloseable {
  // Activity is keyed by person and time (V7), so the duplicate check reads the rows next to the
  // one being inserted. A retry arrives within minutes with the same instant, far inside the
  // window.
  static final Duration DUPLICATE_WINDOW = Duration.ofHours(1);
  private static final String INSERT_ACTIVITY =
      "INSERT INTO activity (team_id, user_id, occurred_at, event_id, channel_id, kind)"
          + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM activity WHERE team_id = ?"
          + " AND user_id = ? AND occurred_at BETWEEN ? AND ? AND event_id = ?)";
  private static final String NEARBY =
      "SELECT id, started_at, last_at, source FROM work_session"
          + " WHERE team_id = ? AND user_id = ? AND source = ? AND last_at > ? AND started_at < ?";
  static final String INSERT_SESSION =
      "INSERT INTO work_session (team_id, user_id, started_at, last_at, source) VALUES (?, ?, ?, ?, ?)";
  private static final String UPDATE_SESSION =
      "UPDATE work_session SET started_at = ?, last_at = ? WHERE id = ?";
  private static final String DELETE_SESSION = "DELETE FROM work_session WHERE id = ?";
  private static final String SEEN_IN_CHANNEL =
      "INSERT INTO channel_member (team_id, channel_id, user_id, last_seen_at) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (team_id, channel_id, user_id) DO UPDATE SET last_seen_at ="
          + " excluded.last_seen_at WHERE channel_member.last_seen_at < excluded.last_seen_at";

  private final SessionRules rules;
  private final List<PreparedStatement> prepared = new ArrayList<>();
  private final PreparedStatement insertActivity;
  private final PreparedStatement nearby;
  private final PreparedStatement insertSession;
  private final PreparedStatement updateSession;
  private final PreparedStatement deleteSession;
  private final PreparedStatement seenInChannel;

  /** Prepares the statements on {@code connection}, which must be in the caller's transaction. */
  ActivityWrites(Connection connection, SessionRules rules) throws SQLException {
    this.rules = rules;
    try {
      insertActivity = prepare(connection, INSERT_ACTIVITY);
      nearby = prepare(connection, NEARBY);
      insertSession = prepare(connection, INSERT_SESSION);
      updateSession = prepare(connection, UPDATE_SESSION);
      deleteSession = prepare(connection, DELETE_SESSION);
      seenInChannel = prepare(connection, SEEN_IN_CHANNEL);
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  /**
   * Inserts the activity, folds it into the person's sessions and, if asked, notes them in the
   * channel; false (and nothing changed) when the event was already recorded.
   */
  boolean record(Activity a, boolean markPresence) throws SQLException {
    if (!insert(a)) {
      return false;
    }
    apply(a.teamId(), a.userId(), SessionMerge.absorb(nearby(a), a.at(), rules));
    if (markPresence) {
      bind(seenInChannel, a.teamId(), a.channelId(), a.userId(), a.at().toEpochMilli())
          .executeUpdate();
    }
    return true;
  }

  private boolean insert(Activity a) throws SQLException {
    long at = a.at().toEpochMilli();
    return bind(
                insertActivity,
                a.teamId(),
                a.userId(),
                at,
                a.eventId(),
                a.channelId(),
                a.kind().code(),
                a.teamId(),
                a.userId(),
                at - DUPLICATE_WINDOW.toMillis(),
                at + DUPLICATE_WINDOW.toMillis(),
                a.eventId())
            .executeUpdate()
        == 1;
  }

  private List<WorkSession> nearby(Activity a) throws SQLException {
    bind(
        nearby,
        a.teamId(),
        a.userId(),
        SessionSource.ACTIVITY.ordinal(),
        a.at().minus(rules.gap()).toEpochMilli(),
        a.at().plus(rules.gap()).toEpochMilli());
    List<WorkSession> found = new ArrayList<>(2);
    try (ResultSet rs = nearby.executeQuery()) {
      while (rs.next()) {
        found.add(
            new WorkSession(
                rs.getLong(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                Instant.ofEpochMilli(rs.getLong(3)),
                SessionSource.values()[rs.getInt(4)]));
      }
    }
    return found;
  }

  private void apply(String teamId, String userId, Merge merge) throws SQLException {
    if (!merge.changed()) {
      return;
    }
    for (long id : merge.removedIds()) {
      bind(deleteSession, id).executeUpdate();
    }
    WorkSession s = merge.session();
    if (s.id() == 0) {
      bind(
              insertSession,
              teamId,
              userId,
              s.start().toEpochMilli(),
              s.last().toEpochMilli(),
              s.source().ordinal())
          .executeUpdate();
    } else {
      bind(updateSession, s.start().toEpochMilli(), s.last().toEpochMilli(), s.id())
          .executeUpdate();
    }
  }

  private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    prepared.add(statement);
    return statement;
  }

  private static PreparedStatement bind(PreparedStatement statement, Object... values)
      throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    return statement;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement statement : prepared) {
      try {
        statement.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
