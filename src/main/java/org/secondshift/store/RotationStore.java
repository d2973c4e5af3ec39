package org.secondshift.store;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.secondshift.captain.Assignment;
import org.secondshift.captain.Cadence;
import org.secondshift.captain.Change;
import org.secondshift.captain.Decision;
import org.secondshift.captain.MoveReason;
import org.secondshift.captain.Note;
import org.secondshift.captain.Notice;
import org.secondshift.captain.OnDuty;
import org.secondshift.captain.Pin;
import org.secondshift.captain.Rotation;
import org.secondshift.captain.RotationLedger;
import org.secondshift.captain.RotationState;
import org.secondshift.captain.Shift;
import org.secondshift.hours.SessionSource;
import org.secondshift.rest.EndedWatches;

/**
 * Rotations in SQL. Each decision reads the state and writes its change and its messages in one
 * transaction; a handoff is claimed by a conditional update, so it is announced once.
 */
public final class RotationStore implements RotationLedger, EndedWatches {
  private static final String ROTATION_COLUMNS =
      "id, team_id, channel_id, cadence_hours, cadence_days, first_handoff, zone, next_seq, reminded_seq,"
          + " last_captain, paused, version";
  private static final String ROTATION =
      "SELECT "
          + ROTATION_COLUMNS
          + " FROM rotation WHERE team_id = :teamId AND channel_id = :channelId";
  private static final String ALL = "SELECT " + ROTATION_COLUMNS + " FROM rotation ORDER BY id";
  private static final String MEMBERS =
      "SELECT user_id, roster_pos, line_pos FROM rotation_member WHERE rotation_id = :id";
  private static final String PINS =
      "SELECT seq, user_id, reason FROM shift_pin WHERE rotation_id = :id";
  private static final String CURRENT =
      "SELECT seq, captain_user, started_at, ends_at FROM shift WHERE rotation_id = :id"
          + " AND started_at <= :now AND COALESCE(ended_at, ends_at) > :now ORDER BY started_at DESC LIMIT 1";
  private static final String CURRENT_ROW =
      "SELECT id, started_at, duty_session_id FROM shift WHERE rotation_id = :id"
          + " AND started_at <= :now AND COALESCE(ended_at, ends_at) > :now ORDER BY started_at DESC LIMIT 1";
  private static final String OPEN_NOTES =
      "SELECT author_id, text, written_at FROM handoff_note WHERE team_id = :teamId AND channel_id = :channelId"
          + " AND handed_over_at IS NULL ORDER BY written_at, id";
  private static final String INSERT_ROTATION =
      "INSERT INTO rotation (team_id, channel_id, cadence_hours, cadence_days, first_handoff, zone, next_seq,"
          + " reminded_seq, last_captain, paused, version, set_up_by) VALUES (:teamId, :channelId, :hours, :days,"
          + " :first, :zone, :nextSeq, :remindedSeq, :lastCaptain, :paused, 0, :setUpBy)";
  private static final String UPDATE_ROTATION =
      "UPDATE rotation SET next_seq = :nextSeq, reminded_seq = :remindedSeq, last_captain = :lastCaptain,"
          + " paused = :paused, version = version + 1 WHERE id = :id AND version = :version";
  private static final String DELETE_ROTATION = "DELETE FROM rotation WHERE id = :id";
  private static final String DELETE_MEMBERS =
      "DELETE FROM rotation_member WHERE rotation_id = :id";
  private static final String INSERT_MEMBER =
      "INSERT INTO rotation_member (team_id, rotation_id, user_id, roster_pos, line_pos)"
          + " VALUES (:teamId, :id, :userId, :rosterPos, :linePos)";
  private static final String PIN =
      "INSERT INTO shift_pin (team_id, rotation_id, seq, user_id, reason) VALUES (:teamId, :id, :seq, :userId,"
          + " :reason) ON CONFLICT (rotation_id, seq) DO UPDATE SET user_id = excluded.user_id,"
          + " reason = excluded.reason";
  private static final String UNPIN =
      "DELETE FROM shift_pin WHERE rotation_id = :id AND user_id = :userId";
  private static final String INSERT_SHIFT =
      "INSERT INTO shift (team_id, channel_id, rotation_id, seq, planned_user, captain_user, reason, due_at,"
          + " started_at, ends_at) VALUES (:teamId, :channelId, :id, :seq, :planned, :captain, :reason, :dueAt,"
          + " :startedAt, :endsAt) ON CONFLICT (rotation_id, seq, started_at) DO NOTHING";
  private static final String SHIFT_ID =
      "SELECT id FROM shift WHERE rotation_id = :id AND seq = :seq AND started_at = :startedAt";
  private static final String CLAIM_SHIFT =
      "UPDATE shift SET announced_at = :now WHERE id = :id AND announced_at IS NULL";
  private static final String SHIFT_DUTY =
      "UPDATE shift SET duty_session_id = :sessionId WHERE id = :id";
  // A watch is over at ended_at when it was cut short, and at ends_at when it ran as planned.
  private static final String ENDED_UNCHECKED =
      "SELECT id, team_id, channel_id, captain_user, started_at, COALESCE(ended_at, ends_at) AS over_at"
          + " FROM shift WHERE recovery_checked_at IS NULL AND COALESCE(ended_at, ends_at) > started_at"
          + " AND COALESCE(ended_at, ends_at) > :from AND COALESCE(ended_at, ends_at) <= :to"
          + " ORDER BY over_at, id LIMIT :limit";
  private static final String MARK_CHECKED =
      "UPDATE shift SET recovery_checked_at = :at WHERE id = :id AND recovery_checked_at IS NULL";
  private static final String EXPIRE_UNCHECKED =
      "UPDATE shift SET recovery_checked_at = :at WHERE recovery_checked_at IS NULL"
          + " AND COALESCE(ended_at, ends_at) <= :before";
  private static final String END_SHIFT = "UPDATE shift SET ended_at = :at WHERE id = :id";
  private static final String INSERT_DUTY =
      "INSERT INTO work_session (team_id, user_id, started_at, last_at, source)"
          + " VALUES (:teamId, :userId, :start, :end, :source)";
  private static final String END_DUTY = "UPDATE work_session SET last_at = :at WHERE id = :id";
  private static final String INSERT_NOTE =
      "INSERT INTO handoff_note (team_id, channel_id, author_id, text, written_at)"
          + " VALUES (:teamId, :channelId, :authorId, :text, :writtenAt)";
  private static final String HAND_OVER_NOTES =
      "UPDATE handoff_note SET handed_over_at = :now, handed_to = :captain WHERE team_id = :teamId"
          + " AND channel_id = :channelId AND handed_over_at IS NULL";
  private static final String FORGET_NOTES =
      "DELETE FROM handoff_note WHERE handed_over_at < :before";
  private static final String FORGET_NOTE_MESSAGES =
      "DELETE FROM outbox WHERE kind IN (<kinds>) AND sent_at IS NOT NULL AND sent_at < :before";
  private static final String ON_DUTY =
      "SELECT r.channel_id, s.captain_user, COALESCE(s.ended_at, s.ends_at) AS until FROM shift s"
          + " JOIN rotation r ON r.id = s.rotation_id WHERE r.team_id = :teamId AND r.channel_id IN (<channels>)"
          + " AND s.started_at <= :at AND COALESCE(s.ended_at, s.ends_at) > :at ORDER BY r.channel_id";

  /**
   * Outbox kinds whose rows carry handoff notes (the three rows of a handoff all hold its notice,
   * notes included), so that sent ones are deleted with the notes.
   */
  public static final List<String> NOTE_KINDS =
      List.of(
          OutboxKind.HANDOFF.label(),
          OutboxKind.HANDOFF_NOTES.label(),
          OutboxKind.HANDOFF_OFF.label(),
          OutboxKind.CAPTAIN_NOTE.label());

  private final Database db;
  private final OutboxStore outbox;

  public RotationStore(Database db, OutboxStore outbox) {
    this.db = Objects.requireNonNull(db, "db");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  /**
   * The outbox rows a notice makes: who hears of it, and where. Each row holds the notice itself;
   * the sender renders it into words when it sends, so nothing is rendered in this transaction.
   */
  static List<OutboxMessage> messages(Notice notice) {
    String team = notice.teamId();
    String channel = notice.channelId();
    if (notice instanceof Notice.Plan p) {
      return List.of(
          OutboxMessage.decided(
              team,
              OutboxKind.CAPTAIN_PLAN,
              channel,
              p,
              "plan:" + channel + ":" + p.current().start().toEpochMilli()));
    }
    if (notice instanceof Notice.Handoff h) {
      Assignment a = h.shift();
      String ref = "handoff:" + channel + ":" + a.seq() + ":" + a.start().toEpochMilli();
      List<OutboxMessage> out = new ArrayList<>();
      out.add(OutboxMessage.decided(team, OutboxKind.HANDOFF, channel, h, ref));
      out.add(OutboxMessage.decided(team, OutboxKind.HANDOFF_NOTES, a.captain(), h, ref + ":in"));
      if (h.outgoing() != null && !h.outgoing().equals(a.captain())) {
        out.add(OutboxMessage.decided(team, OutboxKind.HANDOFF_OFF, h.outgoing(), h, ref + ":out"));
      }
      return out;
    }
    if (notice instanceof Notice.Reminder r) {
      return List.of(
          OutboxMessage.decided(
              team,
              OutboxKind.CAPTAIN_REMINDER,
              r.shift().captain(),
              r,
              "reminder:" + channel + ":" + r.shift().seq()));
    }
    if (notice instanceof Notice.NoteForCaptain n) {
      return List.of(OutboxMessage.decided(team, OutboxKind.CAPTAIN_NOTE, n.captain(), n, null));
    }
    return List.of(OutboxMessage.decided(team, OutboxKind.CAPTAIN_PAUSE, channel, notice, null));
  }

  @Override
  public Optional<RotationState> read(String teamId, String channelId, Instant now) {
    return db.read(h -> state(h, teamId, channelId, now));
  }

  @Override
  public List<Rotation> all() {
    return db.read(h -> h.createQuery(ALL).map((rs, ctx) -> rotation(h, rs)).list());
  }

  @Override
  public <R> Optional<R> decide(
      String teamId,
      String channelId,
      Instant now,
      Function<Optional<RotationState>, Decision<R>> decide) {
    try {
      return db.write(
          h -> {
            Optional<RotationState> state = state(h, teamId, channelId, now);
            Decision<R> decision = decide.apply(state);
            apply(h, state, decision.change(), now);
            return Optional.ofNullable(decision.result());
          });
    } catch (AlreadyDone e) {
      return Optional.empty();
    }
  }

  @Override
  public List<OnDuty> onDuty(String teamId, Collection<String> channelIds, Instant at) {
    if (channelIds.isEmpty()) {
      return List.of();
    }
    return db.read(
        h ->
            h.createQuery(ON_DUTY)
                .bind("teamId", teamId)
                .bindList("channels", List.copyOf(channelIds))
                .bind("at", at.toEpochMilli())
                .map(
                    (rs, ctx) ->
                        new OnDuty(
                            teamId,
                            rs.getString("channel_id"),
                            rs.getString("captain_user"),
                            Instant.ofEpochMilli(rs.getLong("until"))))
                .list());
  }

  @Override
  public int forgetNotesHandedOverBefore(Instant before) {
    return db.write(
        h -> {
          h.createUpdate(FORGET_NOTE_MESSAGES)
              .bindList("kinds", NOTE_KINDS)
              .bind("before", before.toEpochMilli())
              .execute();
          return h.createUpdate(FORGET_NOTES).bind("before", before.toEpochMilli()).execute();
        });
  }

  private void apply(Handle h, Optional<RotationState> state, Change c, Instant now) {
    Optional<Rotation> before = state.map(RotationState::rotation);
    c.one(Change.EndCurrent.class)
        .filter(e -> before.isPresent())
        .ifPresent(e -> endCurrent(h, before.get().id(), e.at()));
    long id = before.map(Rotation::id).orElse(0L);
    if (c.one(Change.DeleteExisting.class).isPresent() && before.isPresent()) {
      h.createUpdate(DELETE_ROTATION).bind("id", id).execute();
      id = 0;
    }
    Optional<Rotation> saved = c.rotation();
    if (saved.isPresent()) {
      id = store(h, saved.get(), id, setUpBy(c));
    }
    Rotation r = saved.or(() -> before).orElse(null);
    for (Change.StartShift s : c.all(Change.StartShift.class)) {
      start(h, r, id, s.assignment(), now);
    }
    for (Change.AddOverride o : c.all(Change.AddOverride.class)) {
      Pin p = o.pin();
      h.createUpdate(PIN)
          .bind("teamId", r.teamId())
          .bind("id", id)
          .bind("seq", p.seq())
          .bind("userId", p.userId())
          .bind("reason", p.reason().name())
          .execute();
    }
    for (Change.DropOverrides d : c.all(Change.DropOverrides.class)) {
      h.createUpdate(UNPIN).bind("id", id).bind("userId", d.userId()).execute();
    }
    for (Change.KeepNote k : c.all(Change.KeepNote.class)) {
      Note n = k.note();
      h.createUpdate(INSERT_NOTE)
          .bind("teamId", r.teamId())
          .bind("channelId", r.channelId())
          .bind("authorId", n.authorId())
          .bind("text", n.text())
          .bind("writtenAt", n.writtenAt().toEpochMilli())
          .execute();
    }
    for (Change.HandOverNotes o : c.all(Change.HandOverNotes.class)) {
      h.createUpdate(HAND_OVER_NOTES)
          .bind("now", now.toEpochMilli())
          .bind("captain", o.captain())
          .bind("teamId", r.teamId())
          .bind("channelId", r.channelId())
          .execute();
    }
    for (Notice n : c.notices()) {
      for (OutboxMessage m : messages(n)) {
        outbox.enqueue(h, m, now);
      }
    }
  }

  private long store(Handle h, Rotation r, long id, String setUpBy) {
    if (id == 0 || r.id() == 0) {
      id =
          h.createUpdate(INSERT_ROTATION)
              .bind("teamId", r.teamId())
              .bind("channelId", r.channelId())
              .bind("hours", r.cadence().hours())
              .bind("days", r.cadence().days())
              .bind("first", r.firstHandoff().toString())
              .bind("zone", r.zone().getId())
              .bind("nextSeq", r.nextSeq())
              .bind("remindedSeq", r.remindedSeq())
              .bind("lastCaptain", r.lastCaptain())
              .bind("paused", r.paused() ? 1 : 0)
              .bind("setUpBy", setUpBy)
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
    } else {
      int updated =
          h.createUpdate(UPDATE_ROTATION)
              .bind("id", id)
              .bind("version", r.version())
              .bind("nextSeq", r.nextSeq())
              .bind("remindedSeq", r.remindedSeq())
              .bind("lastCaptain", r.lastCaptain())
              .bind("paused", r.paused() ? 1 : 0)
              .execute();
      if (updated == 0) {
        throw new AlreadyDone();
      }
      h.createUpdate(DELETE_MEMBERS).bind("id", id).execute();
    }
    for (int i = 0; i < r.roster().size(); i++) {
      String userId = r.roster().get(i);
      h.createUpdate(INSERT_MEMBER)
          .bind("teamId", r.teamId())
          .bind("id", id)
          .bind("userId", userId)
          .bind("rosterPos", i)
          .bind("linePos", r.line().indexOf(userId))
          .execute();
    }
    return id;
  }

  /**
   * Who set the rotation up, as its plan notice says: they hear of it if its messages cannot be
   * delivered.
   */
  private static String setUpBy(Change c) {
    return c.notices().stream()
        .filter(Notice.Plan.class::isInstance)
        .map(n -> ((Notice.Plan) n).setUpBy())
        .findFirst()
        .orElse(null);
  }

  // The conditional update is the claim: a second performer of the same handoff finds it taken.
  private void start(Handle h, Rotation r, long id, Assignment a, Instant now) {
    h.createUpdate(INSERT_SHIFT)
        .bind("teamId", r.teamId())
        .bind("channelId", r.channelId())
        .bind("id", id)
        .bind("seq", a.seq())
        .bind("planned", a.planned())
        .bind("captain", a.captain())
        .bind("reason", a.reason().name())
        .bind("dueAt", r.boundary(a.seq()).toEpochMilli())
        .bind("startedAt", a.start().toEpochMilli())
        .bind("endsAt", a.end().toEpochMilli())
        .execute();
    long shiftId =
        h.createQuery(SHIFT_ID)
            .bind("id", id)
            .bind("seq", a.seq())
            .bind("startedAt", a.start().toEpochMilli())
            .mapTo(Long.class)
            .one();
    if (h.createUpdate(CLAIM_SHIFT).bind("id", shiftId).bind("now", now.toEpochMilli()).execute()
        == 0) {
      throw new AlreadyDone();
    }
    long sessionId =
        h.createUpdate(INSERT_DUTY)
            .bind("teamId", r.teamId())
            .bind("userId", a.captain())
            .bind("start", a.start().toEpochMilli())
            .bind("end", a.end().toEpochMilli())
            .bind("source", SessionSource.DUTY.ordinal())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    h.createUpdate(SHIFT_DUTY).bind("id", shiftId).bind("sessionId", sessionId).execute();
  }

  private static void endCurrent(Handle h, long rotationId, Instant at) {
    h.createQuery(CURRENT_ROW)
        .bind("id", rotationId)
        .bind("now", at.toEpochMilli())
        .map(
            (rs, ctx) ->
                new long[] {
                  rs.getLong("id"), rs.getLong("started_at"), rs.getLong("duty_session_id")
                })
        .findOne()
        .ifPresent(
            row -> {
              long end = Math.max(row[1], at.toEpochMilli());
              h.createUpdate(END_SHIFT).bind("id", row[0]).bind("at", end).execute();
              if (row[2] != 0) {
                h.createUpdate(END_DUTY).bind("id", row[2]).bind("at", end).execute();
              }
            });
  }

  private static Optional<RotationState> state(
      Handle h, String teamId, String channelId, Instant now) {
    Optional<Rotation> rotation =
        h.createQuery(ROTATION)
            .bind("teamId", teamId)
            .bind("channelId", channelId)
            .map((rs, ctx) -> rotation(h, rs))
            .findOne();
    return rotation.map(
        r -> {
          Map<Integer, Pin> pins = new HashMap<>();
          h.createQuery(PINS)
              .bind("id", r.id())
              .map(
                  (rs, ctx) ->
                      new Pin(
                          rs.getInt("seq"),
                          rs.getString("user_id"),
                          MoveReason.valueOf(rs.getString("reason"))))
              .forEach(p -> pins.put(p.seq(), p));
          Optional<Shift> current =
              h.createQuery(CURRENT)
                  .bind("id", r.id())
                  .bind("now", now.toEpochMilli())
                  .map(
                      (rs, ctx) ->
                          new Shift(
                              rs.getInt("seq"),
                              rs.getString("captain_user"),
                              Instant.ofEpochMilli(rs.getLong("started_at")),
                              Instant.ofEpochMilli(rs.getLong("ends_at"))))
                  .findOne();
          List<Note> notes =
              h.createQuery(OPEN_NOTES)
                  .bind("teamId", teamId)
                  .bind("channelId", channelId)
                  .map(
                      (rs, ctx) ->
                          new Note(
                              rs.getString("author_id"),
                              rs.getString("text"),
                              Instant.ofEpochMilli(rs.getLong("written_at"))))
                  .list();
          return new RotationState(r, pins, current, notes);
        });
  }

  private static Rotation rotation(Handle h, java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("id");
    List<String[]> members =
        h.createQuery(MEMBERS)
            .bind("id", id)
            .map(
                (m, ctx) ->
                    new String[] {
                      m.getString("user_id"), m.getString("roster_pos"), m.getString("line_pos")
                    })
            .list();
    List<String> roster = ordered(members, 1);
    List<String> line = ordered(members, 2);
    int hours = rs.getInt("cadence_hours");
    int days = rs.getInt("cadence_days");
    String last = rs.getString("last_captain");
    return new Rotation(
        id,
        rs.getString("team_id"),
        rs.getString("channel_id"),
        roster,
        line,
        new Cadence(hours, days),
        LocalDateTime.parse(rs.getString("first_handoff")),
        ZoneId.of(rs.getString("zone")),
        rs.getInt("next_seq"),
        rs.getInt("reminded_seq"),
        last,
        rs.getInt("paused") == 1,
        rs.getLong("version"));
  }

  private static List<String> ordered(List<String[]> members, int column) {
    List<String[]> sorted = new ArrayList<>(members);
    sorted.sort(java.util.Comparator.comparingInt(m -> Integer.parseInt(m[column])));
    return sorted.stream().map(m -> m[0]).toList();
  }

  /** The change was already made by another performer; nothing is written. */
  private static final class AlreadyDone extends RuntimeException {
    AlreadyDone() {
      super(null, null, false, false);
    }
  }

  @Override
  public List<EndedWatch> unchecked(Instant from, Instant to, int limit) {
    return db.read(
        h ->
            h.createQuery(ENDED_UNCHECKED)
                .bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new EndedWatch(
                            rs.getLong("id"),
                            rs.getString("team_id"),
                            rs.getString("channel_id"),
                            rs.getString("captain_user"),
                            Instant.ofEpochMilli(rs.getLong("started_at")),
                            Instant.ofEpochMilli(rs.getLong("over_at"))))
                .list());
  }

  @Override
  public boolean markChecked(long shiftId, Instant at) {
    return db.write(
            h ->
                h.createUpdate(MARK_CHECKED)
                    .bind("id", shiftId)
                    .bind("at", at.toEpochMilli())
                    .execute())
        == 1;
  }

  @Override
  public int expire(Instant before, Instant at) {
    return db.write(
        h ->
            h.createUpdate(EXPIRE_UNCHECKED)
                .bind("before", before.toEpochMilli())
                .bind("at", at.toEpochMilli())
                .execute());
  }
}
