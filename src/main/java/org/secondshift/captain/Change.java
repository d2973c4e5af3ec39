package org.secondshift.captain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one decision about a rotation changes, as values: the effects for the ledger to store and
 * the notices to send, applied together in one transaction. Each kind of effect appears at most
 * once per decision, except shifts started and overrides added; the ledger applies them in a fixed
 * order (end the current shift, drop the old rotation, store the new one, start shifts, overrides,
 * notes), whatever order the decision built them in.
 */
public record Change(List<Effect> effects, List<Notice> notices) {

  /** One thing the ledger stores. */
  public sealed interface Effect
      permits EndCurrent,
          DeleteExisting,
          SaveRotation,
          StartShift,
          AddOverride,
          DropOverrides,
          KeepNote,
          HandOverNotes {}

  /** End the shift on duty at {@code at} (a swap, a skip, someone leaving). */
  public record EndCurrent(Instant at) implements Effect {}

  /** Delete the channel's rotation first: a setup replaces it. */
  public record DeleteExisting() implements Effect {}

  /** Store the rotation row as it now is. */
  public record SaveRotation(Rotation rotation) implements Effect {}

  /** A shift begins. */
  public record StartShift(Assignment assignment) implements Effect {}

  /** Pin someone to a slot (a cover or a swap). */
  public record AddOverride(Pin pin) implements Effect {}

  /** Remove the overrides naming this person (they left). */
  public record DropOverrides(String userId) implements Effect {}

  /** A note kept for the next captain. */
  public record KeepNote(Note note) implements Effect {}

  /** The open notes are handed over to this captain. */
  public record HandOverNotes(String captain) implements Effect {}

  public Change {
    effects = List.copyOf(effects);
    notices = List.copyOf(notices);
  }

  public static Change none() {
    return new Change(List.of(), List.of());
  }

  /** A change of the rotation row only. */
  public static Change of(Rotation rotation) {
    return none().withRotation(rotation);
  }

  /** The effects of one kind, in the order they were added. */
  public <E extends Effect> List<E> all(Class<E> kind) {
    return effects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The one effect of a kind that appears at most once. */
  public <E extends Effect> Optional<E> one(Class<E> kind) {
    return effects.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  /** The rotation as this change stores it, if it stores one. */
  public Optional<Rotation> rotation() {
    return one(SaveRotation.class).map(SaveRotation::rotation);
  }

  public Change withRotation(Rotation r) {
    return replacing(SaveRotation.class, List.of(new SaveRotation(Objects.requireNonNull(r))));
  }

  public Change replacing() {
    return replacing(DeleteExisting.class, List.of(new DeleteExisting()));
  }

  public Change withStarted(List<Assignment> shifts) {
    return replacing(StartShift.class, shifts.stream().map(StartShift::new).toList());
  }

  public Change endingCurrentAt(Instant at) {
    return replacing(EndCurrent.class, List.of(new EndCurrent(Objects.requireNonNull(at))));
  }

  public Change withOverrides(List<Pin> added) {
    return replacing(AddOverride.class, added.stream().map(AddOverride::new).toList());
  }

  public Change droppingOverridesOf(String userId) {
    return replacing(DropOverrides.class, List.of(new DropOverrides(userId)));
  }

  public Change withNote(Note note) {
    return replacing(KeepNote.class, List.of(new KeepNote(note)));
  }

  public Change handingNotesTo(String captain) {
    return replacing(HandOverNotes.class, List.of(new HandOverNotes(captain)));
  }

  public Change notifying(Notice notice) {
    List<Notice> more = new ArrayList<>(notices);
    more.add(notice);
    return new Change(effects, more);
  }

  private Change replacing(Class<? extends Effect> kind, List<? extends Effect> with) {
    List<Effect> next = new ArrayList<>(effects.size() + with.size());
    effects.stream().filter(e -> !kind.isInstance(e)).forEach(next::add);
    next.addAll(with);
    return new Change(next, notices);
  }
}
