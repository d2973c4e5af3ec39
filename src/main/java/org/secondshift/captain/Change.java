package org.secondshift.captain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one decision changes, applied by the ledger in one transaction: the rotation itself, shifts
 * started, the current shift ended early, overrides, notes, and the messages to send.
 *
 * @param rotation the rotation to store, or null when unchanged
 * @param replaceExisting delete the channel's rotation first (setup over an existing one)
 * @param endCurrentAt end the shift on duty at this instant, or null
 * @param dropOverridesOf remove the overrides naming this person (they left), or null
 * @param newNote a note to keep for the next captain, or null
 * @param handNotesTo mark the open notes as handed over to this captain, or null
 */
public record Change(
    Rotation rotation,
    boolean replaceExisting,
    List<Assignment> started,
    Instant endCurrentAt,
    List<Pin> overrides,
    String dropOverridesOf,
    Note newNote,
    String handNotesTo,
    List<Notice> notices) {

  public Change {
    started = List.copyOf(started);
    overrides = List.copyOf(overrides);
    notices = List.copyOf(notices);
  }

  public static Change none() {
    return new Change(null, false, List.of(), null, List.of(), null, null, null, List.of());
  }

  /** A change of the rotation row only. */
  public static Change of(Rotation rotation) {
    return none().withRotation(rotation);
  }

  public Change withRotation(Rotation r) {
    return new Change(
        r,
        replaceExisting,
        started,
        endCurrentAt,
        overrides,
        dropOverridesOf,
        newNote,
        handNotesTo,
        notices);
  }

  public Change replacing() {
    return new Change(
        rotation,
        true,
        started,
        endCurrentAt,
        overrides,
        dropOverridesOf,
        newNote,
        handNotesTo,
        notices);
  }

  public Change withStarted(List<Assignment> shifts) {
    return new Change(
        rotation,
        replaceExisting,
        shifts,
        endCurrentAt,
        overrides,
        dropOverridesOf,
        newNote,
        handNotesTo,
        notices);
  }

  public Change endingCurrentAt(Instant at) {
    return new Change(
        rotation,
        replaceExisting,
        started,
        at,
        overrides,
        dropOverridesOf,
        newNote,
        handNotesTo,
        notices);
  }

  public Change withOverrides(List<Pin> added) {
    return new Change(
        rotation,
        replaceExisting,
        started,
        endCurrentAt,
        added,
        dropOverridesOf,
        newNote,
        handNotesTo,
        notices);
  }

  public Change droppingOverridesOf(String userId) {
    return new Change(
        rotation,
        replaceExisting,
        started,
        endCurrentAt,
        overrides,
        userId,
        newNote,
        handNotesTo,
        notices);
  }

  public Change withNote(Note note) {
    return new Change(
        rotation,
        replaceExisting,
        started,
        endCurrentAt,
        overrides,
        dropOverridesOf,
        note,
        handNotesTo,
        notices);
  }

  public Change handingNotesTo(String captain) {
    return new Change(
        rotation,
        replaceExisting,
        started,
        endCurrentAt,
        overrides,
        dropOverridesOf,
        newNote,
        captain,
        notices);
  }

  public Change notifying(Notice notice) {
    List<Notice> more = new ArrayList<>(notices);
    more.add(notice);
    return new Change(
        rotation,
        replaceExisting,
        started,
        endCurrentAt,
        overrides,
        dropOverridesOf,
        newNote,
        handNotesTo,
        more);
  }
}
