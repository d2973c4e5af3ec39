package org.secondshift.captain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A channel's rotation: the roster in order, the line of who is up next, the cadence of handoffs
 * from the first one in the rotation's own zone, and the watermark of the next handoff to perform.
 *
 * @param id 0 until stored
 * @param nextSeq the number of the next boundary to perform; boundary 0 is {@code firstHandoff}
 * @param remindedSeq the last boundary whose incoming captain was reminded, -1 for none
 * @param lastCaptain who held the previous shift, or null before the first handoff
 * @param version bumped by every stored change, so a change decided on stale state is refused
 */
public record Rotation(
    long id,
    String teamId,
    String channelId,
    List<String> roster,
    List<String> line,
    Cadence cadence,
    LocalDateTime firstHandoff,
    ZoneId zone,
    int nextSeq,
    int remindedSeq,
    String lastCaptain,
    boolean paused,
    long version) {

  public Rotation {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(firstHandoff, "firstHandoff");
    Objects.requireNonNull(zone, "zone");
    roster = List.copyOf(roster);
    line = List.copyOf(line);
    if (roster.isEmpty()) {
      throw new IllegalArgumentException("roster must not be empty");
    }
    if (new HashSet<>(roster).size() != roster.size()) {
      throw new IllegalArgumentException("roster must not name anyone twice: " + roster);
    }
    if (line.size() != roster.size() || !new HashSet<>(line).equals(new HashSet<>(roster))) {
      throw new IllegalArgumentException(
          "line must hold exactly the roster: " + line + " vs " + roster);
    }
    if (nextSeq < 0) {
      throw new IllegalArgumentException("nextSeq must not be negative, was " + nextSeq);
    }
  }

  /** A new rotation whose line follows the roster and whose first handoff is boundary 0. */
  public static Rotation create(
      String teamId,
      String channelId,
      List<String> roster,
      Cadence cadence,
      LocalDateTime firstHandoff,
      ZoneId zone) {
    return new Rotation(
        0, teamId, channelId, roster, roster, cadence, firstHandoff, zone, 0, -1, null, false, 0);
  }

  /** When boundary {@code seq} falls: the local time of the cadence, resolved in the zone. */
  public Instant boundary(int seq) {
    return ZonedDateTime.of(cadence.after(firstHandoff, seq), zone).toInstant();
  }

  /** The first boundary strictly after {@code at}. */
  public int firstSeqAfter(Instant at) {
    long guess = Duration.between(boundary(0), at).toMillis() / cadence.nominal().toMillis();
    int seq = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, guess));
    while (seq > 0 && boundary(seq - 1).isAfter(at)) {
      seq--;
    }
    while (!boundary(seq).isAfter(at)) {
      seq++;
    }
    return seq;
  }

  public Rotation withLine(List<String> newLine) {
    return new Rotation(
        id,
        teamId,
        channelId,
        roster,
        newLine,
        cadence,
        firstHandoff,
        zone,
        nextSeq,
        remindedSeq,
        lastCaptain,
        paused,
        version);
  }

  public Rotation withMembers(List<String> newRoster, List<String> newLine) {
    return new Rotation(
        id,
        teamId,
        channelId,
        newRoster,
        newLine,
        cadence,
        firstHandoff,
        zone,
        nextSeq,
        remindedSeq,
        lastCaptain,
        paused,
        version);
  }

  /**
   * After performing boundaries up to {@code seq - 1}, with {@code captain} now holding the watch.
   */
  public Rotation advancedTo(int seq, List<String> newLine, String captain) {
    return new Rotation(
        id,
        teamId,
        channelId,
        roster,
        newLine,
        cadence,
        firstHandoff,
        zone,
        seq,
        Math.max(remindedSeq, seq - 1),
        captain,
        paused,
        version);
  }

  public Rotation withCaptain(String captain) {
    return new Rotation(
        id,
        teamId,
        channelId,
        roster,
        line,
        cadence,
        firstHandoff,
        zone,
        nextSeq,
        remindedSeq,
        captain,
        paused,
        version);
  }

  public Rotation reminded(int seq) {
    return new Rotation(
        id,
        teamId,
        channelId,
        roster,
        line,
        cadence,
        firstHandoff,
        zone,
        nextSeq,
        seq,
        lastCaptain,
        paused,
        version);
  }

  /** Paused, or resumed with the next handoff at {@code resumeSeq}. */
  public Rotation withPaused(boolean nowPaused, int resumeSeq) {
    return new Rotation(
        id,
        teamId,
        channelId,
        roster,
        line,
        cadence,
        firstHandoff,
        zone,
        nowPaused ? nextSeq : resumeSeq,
        nowPaused ? remindedSeq : Math.max(remindedSeq, resumeSeq - 1),
        nowPaused ? null : lastCaptain,
        nowPaused,
        version);
  }
}
