package org.secondshift.captain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.secondshift.captain.Refusal.Why;

/**
 * The captain rotation as a service: set up, look, change, and perform every handoff that is due.
 * Each operation is one decision on state read in the same transaction, so a handoff is performed
 * once however many triggers or instances ask for it.
 */
public final class Rotations implements Watch {
  /** A trigger may fire a moment before the boundary; that still counts as the boundary. */
  static final Duration LEEWAY = Duration.ofSeconds(5);

  public static final Duration REMINDER = Duration.ofMinutes(30);

  /** Handed-over notes are kept this long, then deleted. */
  public static final Duration NOTE_RETENTION = Duration.ofDays(7);

  private final RotationLedger ledger;
  private final Planner planner;
  private final HandoffListener listener;
  private final HandoffTimer timer;

  public Rotations(
      RotationLedger ledger, Planner planner, HandoffListener listener, HandoffTimer timer) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.planner = Objects.requireNonNull(planner, "planner");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.timer = Objects.requireNonNull(timer, "timer");
  }

  /**
   * Sets up the channel's rotation on the grid of shifts through {@code at} in {@code zone}. The
   * shift in force now starts at once: the first in line holds the watch from {@code now} until the
   * next boundary, so a rotation set up mid-shift leaves no gap. An existing rotation is replaced
   * only when {@code confirmedReplaceOf} names it.
   */
  public SetupResult setup(
      String teamId,
      String channelId,
      String by,
      List<String> roster,
      Cadence cadence,
      LocalTime at,
      ZoneId zone,
      Instant now,
      long confirmedReplaceOf) {
    Rotation grid =
        Rotation.create(teamId, channelId, roster, cadence, cadence.shiftAt(at, zone, now), zone);
    Assignment current = planner.assign(grid, grid.line(), Map.of(), 0, null).startingAt(now);
    Rotation fresh = grid.advancedTo(1, current.lineAfter(), current.captain());
    List<Assignment> ahead =
        planner.upcoming(fresh, Map.of(), Math.max(3, Math.min(7, roster.size())) - 1);
    List<Assignment> plan = new ArrayList<>();
    plan.add(current);
    plan.addAll(ahead);
    SetupResult result =
        step(
                teamId,
                channelId,
                now,
                existing -> {
                  if (existing.isPresent()
                      && existing.get().rotation().id() != confirmedReplaceOf) {
                    SetupResult.Outcome o =
                        confirmedReplaceOf < 0
                            ? SetupResult.Outcome.NEEDS_CONFIRMATION
                            : SetupResult.Outcome.ALREADY_CHANGED;
                    return new Step<>(
                        Decision.answer(new SetupResult(o, existing.get().rotation().id(), plan)),
                        List.of());
                  }
                  boolean replaced = existing.isPresent();
                  Change change =
                      Change.of(fresh)
                          .withStarted(List.of(current))
                          .notifying(
                              new Notice.Plan(
                                  teamId, channelId, by, fresh, current, ahead, replaced));
                  List<Ended> ended = new ArrayList<>();
                  if (replaced) {
                    change = change.replacing().endingCurrentAt(now);
                    existing.get().current().ifPresent(s -> ended.add(new Ended(s.captain(), now)));
                  }
                  SetupResult.Outcome o =
                      replaced ? SetupResult.Outcome.REPLACED : SetupResult.Outcome.CREATED;
                  return new Step<>(new Decision<>(new SetupResult(o, 0, plan), change), ended);
                })
            .orElseThrow();
    if (result.outcome() == SetupResult.Outcome.CREATED
        || result.outcome() == SetupResult.Outcome.REPLACED) {
      timer.rotationChanged(fresh);
    }
    return result;
  }

  /** Who holds the watch now and the next {@code count} shifts. */
  public Optional<Overview> overview(String teamId, String channelId, int count, Instant now) {
    return ledger
        .read(teamId, channelId, now)
        .map(
            s ->
                new Overview(
                    s.rotation(),
                    s.current(),
                    s.rotation().paused()
                        ? List.of()
                        : planner.upcoming(s.rotation(), s.overrides(), count),
                    s.openNotes().size()));
  }

  /**
   * The caller's next shift and {@code other}'s next shift trade places; returns both, as now
   * planned.
   */
  public List<Assignment> swap(
      String teamId, String channelId, String caller, String other, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              RotationState s = existing(maybe);
              if (caller.equals(other)) {
                throw new Refusal(Why.SAME_PERSON, other);
              }
              List<Assignment> ahead = ahead(s);
              Assignment mine = nextOf(ahead, caller);
              Assignment theirs = nextOf(ahead, other);
              List<Pin> pins =
                  List.of(
                      new Pin(mine.seq(), other, MoveReason.SWAP),
                      new Pin(theirs.seq(), caller, MoveReason.SWAP));
              return new Step<>(
                  new Decision<>(
                      List.of(
                          pinned(mine, other, MoveReason.SWAP),
                          pinned(theirs, caller, MoveReason.SWAP)),
                      Change.none().withOverrides(pins)),
                  List.of());
            })
        .orElseThrow();
  }

  /**
   * {@code coverer} takes the next shift of {@code covered}, or the current shift at once when
   * {@code covered} is null; nothing else in the rotation moves.
   */
  public Assignment cover(
      String teamId, String channelId, String coverer, String covered, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              RotationState s = existing(maybe);
              Rotation r = s.rotation();
              if (covered == null) {
                Shift current = s.current().orElseThrow(() -> new Refusal(Why.NOBODY_ON_DUTY));
                if (current.captain().equals(coverer)) {
                  throw new Refusal(Why.SAME_PERSON, coverer);
                }
                Assignment a =
                    new Assignment(
                        current.seq(),
                        now,
                        current.endsAt(),
                        current.captain(),
                        coverer,
                        MoveReason.COVER,
                        r.line());
                Change change =
                    Change.of(r.withCaptain(coverer))
                        .withStarted(List.of(a))
                        .endingCurrentAt(now)
                        .handingNotesTo(coverer)
                        .notifying(
                            new Notice.Handoff(
                                teamId,
                                channelId,
                                r.zone(),
                                a,
                                current.captain(),
                                now,
                                0,
                                true,
                                s.openNotes()));
                return new Step<>(
                    new Decision<>(a, change), List.of(new Ended(current.captain(), now)));
              }
              if (covered.equals(coverer)) {
                throw new Refusal(Why.SAME_PERSON, coverer);
              }
              Assignment theirs = nextOf(ahead(s), covered);
              Change change =
                  Change.none()
                      .withOverrides(List.of(new Pin(theirs.seq(), coverer, MoveReason.COVER)));
              return new Step<>(
                  new Decision<>(pinned(theirs, coverer, MoveReason.COVER), change), List.of());
            })
        .orElseThrow();
  }

  /** The person next in line is skipped once and goes to the back; returns who was skipped. */
  public String skip(String teamId, String channelId, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              Rotation r = existing(maybe).rotation();
              String skipped = r.line().get(0);
              return new Step<>(
                  new Decision<>(skipped, Change.of(r.withLine(Planner.toBack(r.line(), skipped)))),
                  List.<Ended>of());
            })
        .orElseThrow();
  }

  /** The captain on duty ends the shift now and the next one starts now. */
  public Assignment handoff(String teamId, String channelId, String caller, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              RotationState s = existing(maybe);
              Rotation r = s.rotation();
              if (r.paused()) {
                throw new Refusal(Why.IS_PAUSED);
              }
              Shift current = s.current().orElseThrow(() -> new Refusal(Why.NOBODY_ON_DUTY));
              if (!current.captain().equals(caller)) {
                throw new Refusal(Why.NOT_THE_CAPTAIN, current.captain());
              }
              Assignment a =
                  planner
                      .assign(r, r.line(), s.overrides(), r.nextSeq(), r.lastCaptain())
                      .startingAt(now);
              Change change =
                  Change.of(r.advancedTo(r.nextSeq() + 1, a.lineAfter(), a.captain()))
                      .withStarted(List.of(a))
                      .endingCurrentAt(now)
                      .handingNotesTo(a.captain())
                      .notifying(
                          new Notice.Handoff(
                              teamId, channelId, r.zone(), a, caller, now, 0, true, s.openNotes()));
              return new Step<>(new Decision<>(a, change), List.of(new Ended(caller, now)));
            })
        .orElseThrow();
  }

  /** Adds the caller at the end of the roster and the line. */
  public Rotation join(String teamId, String channelId, String caller, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              Rotation r = existing(maybe).rotation();
              if (r.roster().contains(caller)) {
                throw new Refusal(Why.ALREADY_A_MEMBER, caller);
              }
              Rotation after = r.withMembers(plus(r.roster(), caller), plus(r.line(), caller));
              return new Step<>(new Decision<>(after, Change.of(after)), List.<Ended>of());
            })
        .orElseThrow();
  }

  /** Removes the caller from the roster, the line and any shifts pinned to them. */
  public Rotation leave(String teamId, String channelId, String caller, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              Rotation r = existing(maybe).rotation();
              if (!r.roster().contains(caller)) {
                throw new Refusal(Why.NOT_A_MEMBER, caller);
              }
              if (r.roster().size() == 1) {
                throw new Refusal(Why.LAST_MEMBER, caller);
              }
              Rotation after = r.withMembers(minus(r.roster(), caller), minus(r.line(), caller));
              return new Step<>(
                  new Decision<>(after, Change.of(after).droppingOverridesOf(caller)),
                  List.<Ended>of());
            })
        .orElseThrow();
  }

  /** Stops handoffs; whoever holds the watch is off duty now. */
  public Rotation pause(String teamId, String channelId, String by, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              RotationState s = existing(maybe);
              if (s.rotation().paused()) {
                throw new Refusal(Why.ALREADY_PAUSED);
              }
              Rotation after = s.rotation().withPaused(true, 0);
              Change change =
                  Change.of(after)
                      .notifying(
                          new Notice.Paused(teamId, channelId, by, true, null, after.zone()));
              List<Ended> ended = new ArrayList<>();
              if (s.current().isPresent()) {
                change = change.endingCurrentAt(now);
                ended.add(new Ended(s.current().get().captain(), now));
              }
              return new Step<>(new Decision<>(after, change), ended);
            })
        .orElseThrow();
  }

  /** Starts handoffs again from the next boundary; returns when that is. */
  public Instant resume(String teamId, String channelId, String by, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              Rotation r = existing(maybe).rotation();
              if (!r.paused()) {
                throw new Refusal(Why.NOT_PAUSED);
              }
              Rotation after = r.withPaused(false, r.firstSeqAfter(now));
              Instant next = after.boundary(after.nextSeq());
              Change change =
                  Change.of(after)
                      .notifying(new Notice.Paused(teamId, channelId, by, false, next, r.zone()));
              return new Step<>(new Decision<>(next, change), List.<Ended>of());
            })
        .orElseThrow();
  }

  /**
   * Keeps a handoff note for the next captain, and passes it at once to the captain on duty;
   * returns who got it now, if anyone.
   */
  public Optional<String> note(
      String teamId, String channelId, String author, String text, Instant now) {
    return step(
            teamId,
            channelId,
            now,
            maybe -> {
              RotationState s = existing(maybe);
              Note note = new Note(author, text.strip(), now);
              Change change = Change.none().withNote(note);
              Optional<String> captain = s.current().map(Shift::captain);
              if (captain.isPresent()) {
                change =
                    change.notifying(
                        new Notice.NoteForCaptain(teamId, channelId, captain.get(), note));
              }
              return new Step<>(new Decision<>(captain, change), List.<Ended>of());
            })
        .orElseThrow();
  }

  /**
   * Performs every handoff and reminder due at {@code now} in every rotation; returns handoffs
   * announced.
   */
  public int performDue(Instant now) {
    int announced = 0;
    for (Rotation r : ledger.all()) {
      announced += step(r.teamId(), r.channelId(), now, maybe -> due(maybe, now)).orElse(0);
    }
    ledger.forgetNotesHandedOverBefore(now.minus(NOTE_RETENTION));
    return announced;
  }

  /** As {@link #performDue(Instant)}, for the one rotation whose trigger fired. */
  public int performDue(String teamId, String channelId, Instant now) {
    return step(teamId, channelId, now, maybe -> due(maybe, now)).orElse(0);
  }

  @Override
  public List<OnDuty> onDuty(String teamId, Collection<String> channelIds, Instant at) {
    return ledger.onDuty(teamId, channelIds, at);
  }

  private Step<Integer> due(Optional<RotationState> maybe, Instant now) {
    if (maybe.isEmpty() || maybe.get().rotation().paused()) {
      return new Step<>(Decision.answer(0), List.of());
    }
    RotationState s = maybe.get();
    Rotation r = s.rotation();
    List<Assignment> due = new ArrayList<>();
    List<Ended> ended = new ArrayList<>();
    List<String> line = r.line();
    String previous = r.lastCaptain();
    int seq = r.nextSeq();
    for (; !r.boundary(seq).isAfter(now.plus(LEEWAY)); seq++) {
      Assignment a = planner.assign(r, line, s.overrides(), seq, previous);
      if (previous != null) {
        ended.add(new Ended(previous, a.start()));
      }
      due.add(a);
      line = a.lineAfter();
      previous = a.captain();
    }
    if (due.isEmpty()) {
      return new Step<>(reminder(s, now), List.of());
    }
    // Boundaries missed while down are recorded, but only the one in force now is announced.
    Assignment last = due.get(due.size() - 1);
    Change change =
        Change.of(r.advancedTo(seq, line, last.captain()))
            .withStarted(due)
            .handingNotesTo(last.captain())
            .notifying(
                new Notice.Handoff(
                    r.teamId(),
                    r.channelId(),
                    r.zone(),
                    last,
                    r.lastCaptain(),
                    now,
                    due.size() - 1,
                    false,
                    s.openNotes()));
    return new Step<>(new Decision<>(1, change), ended);
  }

  private Decision<Integer> reminder(RotationState s, Instant now) {
    Rotation r = s.rotation();
    Instant next = r.boundary(r.nextSeq());
    if (r.remindedSeq() >= r.nextSeq() || now.isBefore(next.minus(REMINDER))) {
      return Decision.answer(0);
    }
    Assignment a = planner.assign(r, r.line(), s.overrides(), r.nextSeq(), r.lastCaptain());
    return new Decision<>(
        0,
        Change.of(r.reminded(r.nextSeq()))
            .notifying(new Notice.Reminder(r.teamId(), r.channelId(), r.zone(), a, now)));
  }

  private <R> Optional<R> step(
      String teamId,
      String channelId,
      Instant now,
      Function<Optional<RotationState>, Step<R>> step) {
    List<Ended> ended = new ArrayList<>();
    Optional<R> result =
        ledger.decide(
            teamId,
            channelId,
            now,
            state -> {
              Step<R> s = step.apply(state);
              ended.clear();
              ended.addAll(s.ended());
              return s.decision();
            });
    if (result.isPresent()) {
      ended.forEach(e -> listener.shiftEnded(teamId, channelId, e.captain(), e.at()));
    }
    return result;
  }

  private List<Assignment> ahead(RotationState s) {
    if (s.rotation().paused()) {
      throw new Refusal(Why.IS_PAUSED);
    }
    return planner.upcoming(
        s.rotation(), s.overrides(), 4 * s.rotation().roster().size() + s.overrides().size());
  }

  private static Assignment nextOf(List<Assignment> ahead, String userId) {
    return ahead.stream()
        .filter(a -> a.captain().equals(userId))
        .findFirst()
        .orElseThrow(() -> new Refusal(Why.NO_SHIFT_AHEAD, userId));
  }

  private static Assignment pinned(Assignment a, String userId, MoveReason reason) {
    return new Assignment(a.seq(), a.start(), a.end(), a.planned(), userId, reason, a.lineAfter());
  }

  private static RotationState existing(Optional<RotationState> maybe) {
    return maybe.orElseThrow(() -> new Refusal(Why.NO_ROTATION));
  }

  private static List<String> plus(List<String> list, String member) {
    List<String> more = new ArrayList<>(list);
    more.add(member);
    return more;
  }

  private static List<String> minus(List<String> list, String member) {
    List<String> fewer = new ArrayList<>(list);
    fewer.remove(member);
    return fewer;
  }

  private record Ended(String captain, Instant at) {}

  private record Step<R>(Decision<R> decision, List<Ended> ended) {}
}
