package org.secondshift.captain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** A message a rotation decision causes; written to the outbox in the same transaction. */
public sealed interface Notice {
  String teamId();

  String channelId();

  /** The plan, posted in the channel when a rotation is set up or replaced. */
  record Plan(
      String teamId,
      String channelId,
      String setUpBy,
      Rotation rotation,
      Assignment current,
      List<Assignment> shifts,
      boolean replaced)
      implements Notice {
    public Plan {
      Objects.requireNonNull(rotation, "rotation");
      Objects.requireNonNull(current, "current");
      shifts = List.copyOf(shifts);
    }
  }

  /**
   * A handoff: the post in the channel, the open notes to the incoming captain, and "you are off
   * duty" to the outgoing one (null when nobody held the watch).
   *
   * @param missed boundaries performed silently before this one, e.g. after downtime
   * @param early whether the watch was handed over before the boundary (handoff, cover)
   */
  record Handoff(
      String teamId,
      String channelId,
      ZoneId zone,
      Assignment shift,
      String outgoing,
      Instant performedAt,
      int missed,
      boolean early,
      List<Note> notes)
      implements Notice {
    public Handoff {
      Objects.requireNonNull(shift, "shift");
      Objects.requireNonNull(performedAt, "performedAt");
      notes = List.copyOf(notes);
    }

    /** Performed at least a minute after it was due, e.g. because the bot was down. */
    public boolean late() {
      return performedAt.isAfter(shift.start().plusSeconds(60));
    }
  }

  /** The incoming captain's reminder, decided at {@code decidedAt} (usually 30 minutes ahead). */
  record Reminder(
      String teamId, String channelId, ZoneId zone, Assignment shift, java.time.Instant decidedAt)
      implements Notice {
    /** Whole minutes from the decision to the start of the shift, rounded up. */
    public long minutesAhead() {
      long seconds = java.time.Duration.between(decidedAt, shift.start()).toSeconds();
      return Math.max(0, (seconds + 59) / 60);
    }
  }

  /** A note passed at once to the captain on duty. */
  record NoteForCaptain(String teamId, String channelId, String captain, Note note)
      implements Notice {}

  /** Handoffs stopped, or started again with the next one at {@code nextHandoff}. */
  record Paused(
      String teamId, String channelId, String by, boolean paused, Instant nextHandoff, ZoneId zone)
      implements Notice {}
}
