package org.secondshift.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The persisted outbox: rows are written with the decision that caused them and drained later. */
public final class OutboxStore {
  private static final String INSERT =
      "INSERT INTO outbox (team_id, kind, method, channel_id, target_ts, text, blocks_json,"
          + " notice_json, ref, file_name, file_title, file_bytes, created_at, next_attempt_at) VALUES"
          + " (:teamId, :kind, :method, :channel, :targetTs, :text, :blocksJson, :noticeJson, :ref,"
          + " :fileName, :fileTitle, :fileBytes, :now, :now)";
  private static final String DUE =
      "SELECT id, team_id, kind, method, channel_id, target_ts, text, blocks_json, notice_json, ref,"
          + " attempts, created_at,"
          + " file_name, file_title, file_bytes"
          + " FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now"
          + " AND (claimed_until IS NULL OR claimed_until <= :now)";
  private static final String DUE_ORDER = " ORDER BY next_attempt_at, id LIMIT :limit";
  private static final String NEXT_DUE =
      "SELECT MIN(next_attempt_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL";
  private static final String NOT_PAUSED = " AND team_id NOT IN (<paused>)";
  private static final String UNCLAIM =
      "UPDATE outbox SET claimed_until = NULL, claimed_by = NULL WHERE id = :id AND sent_at IS NULL";
  private static final String CLAIM =
      "UPDATE outbox SET claimed_until = :until, claimed_by = :by WHERE id = :id AND sent_at IS NULL"
          + " AND (claimed_until IS NULL OR claimed_until <= :now)";
  private static final String RELEASE =
      "UPDATE outbox SET claimed_until = NULL, claimed_by = NULL WHERE claimed_by = :by AND sent_at IS NULL";
  private static final String SENT =
      "UPDATE outbox SET sent_at = :now, sent_channel = :channel, sent_ts = :ts, attempts = attempts + 1,"
          + " claimed_until = NULL, last_error = NULL WHERE id = :id";
  private static final String RETRY =
      "UPDATE outbox SET next_attempt_at = :at, attempts = attempts + :counted, claimed_until = NULL,"
          + " last_error = :error WHERE id = :id";
  private static final String FAIL =
      "UPDATE outbox SET failed_at = :now, attempts = attempts + 1, claimed_until = NULL,"
          + " last_error = :error WHERE id = :id";
  private static final String SENT_BY_REF =
      "SELECT sent_channel, sent_ts FROM outbox WHERE ref = :ref AND sent_ts IS NOT NULL"
          + " AND method = 'chat.postMessage' ORDER BY id LIMIT 1";

  private static final String HOLD_SENDING =
      "INSERT INTO outbox_sender (name, holder, held_until) VALUES ('outbox', :holder, :until)"
          + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, held_until ="
          + " excluded.held_until WHERE outbox_sender.holder = excluded.holder"
          + " OR outbox_sender.held_until <= :now";
  private static final String RELEASE_SENDING =
      "DELETE FROM outbox_sender WHERE name = 'outbox' AND holder = :holder";

  private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);

  private final Database db;

  public OutboxStore(Database db) {
    this.db = db;
  }

  /**
   * Takes or renews the right to send for {@code ttl}; false while another instance holds it. With
   * one instance (SQLite) there is nobody to share with, and the answer is always yes.
   */
  public boolean holdSending(String holder, Instant now, Duration ttl) {
    if (!db.shared()) {
      return true;
    }
    return db.write(
            h ->
                h.createUpdate(HOLD_SENDING)
                    .bind("holder", holder)
                    .bind("until", now.plus(ttl).toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .execute())
        == 1;
  }

  /** Gives up the right to send, so another instance takes over at once. */
  public void releaseSending(String holder) {
    if (db.shared()) {
      db.write(h -> h.createUpdate(RELEASE_SENDING).bind("holder", holder).execute());
    }
  }

  /** Queues a message inside the caller's transaction, due at once. */
  public long enqueue(Handle h, OutboxMessage m, Instant now) {
    return h.createUpdate(INSERT)
        .bind("teamId", m.teamId())
        .bind("kind", m.kind().label())
        .bind("method", m.method())
        .bind("channel", m.channel())
        .bind("targetTs", m.targetTs())
        .bind("text", m.text())
        .bind("blocksJson", m.blocksJson())
        .bind("noticeJson", m.notice() == null ? null : NoticeCodec.write(m.notice()))
        .bind("ref", m.ref())
        .bind("now", now.toEpochMilli())
        .bind("fileName", m.file() == null ? null : m.file().name())
        .bind("fileTitle", m.file() == null ? null : m.file().title())
        .bind("fileBytes", m.file() == null ? null : m.file().bytes())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** Queues a message in a transaction of its own. */
  public long enqueue(OutboxMessage m, Instant now) {
    return db.write(h -> enqueue(h, m, now));
  }

  /**
   * Claims up to {@code limit} due rows for {@code lease}; a sender that dies mid-send gives them
   * back when the lease ends, which is the only way one message could go out twice.
   */
  public List<OutboxRow> claimDue(Instant now, int limit, Duration lease, String claimer) {
    return claimDue(now, limit, lease, claimer, Set.of());
  }

  /** As above, leaving the rows of {@code pausedTeams} where they are. */
  public List<OutboxRow> claimDue(
      Instant now, int limit, Duration lease, String claimer, Set<String> pausedTeams) {
    return db.write(
        h -> {
          List<Long> unreadable = new ArrayList<>();
          List<OutboxRow> due =
              withPaused(
                      h.createQuery(
                          DUE
                              + (pausedTeams.isEmpty() ? "" : NOT_PAUSED)
                              + DUE_ORDER
                              + db.dialect().forClaim()),
                      pausedTeams)
                  .bind("now", now.toEpochMilli())
                  .bind("limit", limit)
                  .map((rs, ctx) -> readable(rs, unreadable))
                  .list();
          unreadable.forEach(id -> fail(h, id, "unreadable_notice", now));
          return due.stream()
              .filter(Objects::nonNull)
              .filter(
                  row ->
                      h.createUpdate(CLAIM)
                              .bind("id", row.id())
                              .bind("until", now.plus(lease).toEpochMilli())
                              .bind("now", now.toEpochMilli())
                              .bind("by", claimer)
                              .execute()
                          == 1)
              .toList();
        });
  }

  /** Removes a row for good, e.g. a farewell once delivered. */
  public void delete(long id) {
    db.write(h -> h.createUpdate("DELETE FROM outbox WHERE id = :id").bind("id", id).execute());
  }

  /** Gives back every row {@code claimer} holds and has not sent, e.g. when it shuts down. */
  public int release(String claimer) {
    return db.write(h -> h.createUpdate(RELEASE).bind("by", claimer).execute());
  }

  /** When the next unsent row becomes due, if any. */
  public Optional<Instant> nextDue() {
    return nextDue(Set.of());
  }

  /** When the next unsent row outside {@code pausedTeams} becomes due, if any. */
  public Optional<Instant> nextDue(Set<String> pausedTeams) {
    return db.read(
        h ->
            withPaused(
                    h.createQuery(NEXT_DUE + (pausedTeams.isEmpty() ? "" : NOT_PAUSED)),
                    pausedTeams)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
  }

  /** Gives one claimed row back untouched, due as it was. */
  public void unclaim(long id) {
    db.write(h -> h.createUpdate(UNCLAIM).bind("id", id).execute());
  }

  private static Query withPaused(Query query, Set<String> pausedTeams) {
    return pausedTeams.isEmpty() ? query : query.bindList("paused", List.copyOf(pausedTeams));
  }

  public void markSent(long id, String channel, String ts, Instant now) {
    db.write(
        h ->
            h.createUpdate(SENT)
                .bind("id", id)
                .bind("channel", channel)
                .bind("ts", ts)
                .bind("now", now.toEpochMilli())
                .execute());
  }

  /**
   * Tries again at {@code at}; a rate limit does not count as an attempt, since the message was
   * never looked at.
   */
  public void retryAt(long id, Instant at, String error, boolean countAttempt) {
    db.write(
        h ->
            h.createUpdate(RETRY)
                .bind("id", id)
                .bind("at", at.toEpochMilli())
                .bind("counted", countAttempt ? 1 : 0)
                .bind("error", truncate(error))
                .execute());
  }

  /** Gives up on a row Slack will never accept (e.g. channel_not_found). */
  public void fail(long id, String error, Instant now) {
    db.write(h -> fail(h, id, error, now));
  }

  /** As above, inside the caller's transaction. */
  public int fail(Handle h, long id, String error, Instant now) {
    return h.createUpdate(FAIL)
        .bind("id", id)
        .bind("error", truncate(error))
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** Where and as which ts the first message with this ref was posted, once sent. */
  public Optional<SentMessage> sentMessage(String ref) {
    return db.read(
        h ->
            h.createQuery(SENT_BY_REF)
                .bind("ref", ref)
                .map(
                    (rs, ctx) ->
                        new SentMessage(rs.getString("sent_channel"), rs.getString("sent_ts")))
                .findOne());
  }

  /**
   * The row, or null when its notice cannot be read (written by a newer version, or damaged): it is
   * noted in {@code unreadable} and marked failed, so it neither blocks the queue nor comes back.
   */
  private static OutboxRow readable(java.sql.ResultSet rs, List<Long> unreadable)
      throws java.sql.SQLException {
    long id = rs.getLong("id");
    try {
      return new OutboxRow(
          id, message(rs), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("created_at")));
    } catch (IllegalArgumentException e) {
      log.warn("outbox row {} cannot be read and is given up: {}", id, e.getMessage());
      unreadable.add(id);
      return null;
    }
  }

  private static OutboxMessage message(java.sql.ResultSet rs) throws java.sql.SQLException {
    OutboxKind kind = OutboxKind.of(rs.getString("kind"));
    String notice = rs.getString("notice_json");
    return new OutboxMessage(
        rs.getString("team_id"),
        kind,
        rs.getString("method"),
        rs.getString("channel_id"),
        rs.getString("target_ts"),
        rs.getString("text"),
        rs.getString("blocks_json"),
        notice == null ? null : NoticeCodec.read(kind, notice),
        rs.getString("ref"),
        attachment(rs));
  }

  private static OutboxMessage.Attachment attachment(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    String name = rs.getString("file_name");
    return name == null
        ? null
        : new OutboxMessage.Attachment(name, rs.getString("file_title"), rs.getBytes("file_bytes"));
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 200 ? s : s.substring(0, 200);
  }

  /** Slack's coordinates of a message the bot posted. */
  public record SentMessage(String channel, String ts) {}

  /** Messages waiting to be sent, and when the oldest of them was queued. */
  public record Backlog(long waiting, Optional<Instant> oldestQueued) {}

  /** What waits to be sent (neither sent nor given up), for monitoring. */
  public Backlog backlog() {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT COUNT(*), MIN(created_at) FROM outbox"
                        + " WHERE sent_at IS NULL AND failed_at IS NULL")
                .map(
                    (rs, ctx) -> {
                      long waiting = rs.getLong(1);
                      long oldest = rs.getLong(2);
                      return new Backlog(
                          waiting,
                          rs.wasNull()
                              ? Optional.empty()
                              : Optional.of(Instant.ofEpochMilli(oldest)));
                    })
                .one());
  }
}
