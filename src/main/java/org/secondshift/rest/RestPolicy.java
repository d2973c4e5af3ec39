package org.secondshift.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.secondshift.captain.OnDuty;
import org.secondshift.hours.HourLog;
import org.secondshift.hours.QuietWindow;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.WorkSession;
import org.secondshift.rest.Verdict.Reason;

/**
 * Decides whether someone gets a nudge now: late night, daily limit, long stretch or no day off, in
 * that order, unless they turned nudges off, paused, snoozed, are in Do Not Disturb, or had one too
 * recently or too often today. Pure: everything comes in as arguments.
 */
public final class RestPolicy {
  private final RestRules rules;
  private final HourLog log;

  public RestPolicy(RestRules rules, SessionRules sessions) {
    this.rules = rules;
    // Only active hours are read here, so the late-night window of the hour log does not matter.
    this.log = new HourLog(sessions, QuietWindow.lateNightDefault());
  }

  public RestRules rules() {
    return rules;
  }

  /** The verdict for {@code f.now()}; asks {@code lookups} only when a nudge is otherwise due. */
  public Verdict decide(RestFacts f, Lookups lookups) {
    Optional<Reason> held = personalHold(f.prefs(), f.now(), f);
    if (held.isPresent()) {
      return Verdict.hold(held.get());
    }
    if (!stillAtIt(f)) {
      return Verdict.hold(Reason.NOT_WORKING);
    }
    Optional<Nudge> due = due(f, lookups);
    if (due.isEmpty()) {
      return Verdict.hold(Reason.NOTHING_DUE);
    }
    if (f.recent().stream().anyMatch(p -> p.decidedAt().isAfter(f.now().minus(rules.cooldown())))) {
      return Verdict.hold(Reason.COOLDOWN);
    }
    if (earlierToday(f) >= rules.maxPerDay()) {
      return Verdict.hold(Reason.DAILY_CAP);
    }
    Optional<Reason> dnd = dndHold(lookups);
    return dnd.isPresent() ? Verdict.hold(dnd.get()) : new Verdict.Send(due.get());
  }

  /**
   * A captain's watch in {@code channelId} ended: a recovery nudge, unless they turned nudges off,
   * paused, snoozed or are in Do Not Disturb. The cooldown and cap do not apply: it comes once.
   */
  public Verdict recovery(RestFacts f, String channelId, Lookups lookups) {
    Optional<Reason> held = personalHold(f.prefs(), f.now(), f);
    if (held.isPresent()) {
      return Verdict.hold(held.get());
    }
    Optional<Reason> dnd = dndHold(lookups);
    if (dnd.isPresent()) {
      return Verdict.hold(dnd.get());
    }
    return new Verdict.Send(
        Nudge.draft(f.teamId(), f.userId(), NudgeKind.RECOVERY, f.now(), f.zone(), earlierToday(f))
            .watchedBy(channelId, null));
  }

  /**
   * Do Not Disturb holds a nudge; so does not knowing, since a nudge sent into someone's quiet time
   * cannot be taken back, while a held one is looked at again at the next check.
   */
  private static Optional<Reason> dndHold(Lookups lookups) {
    return switch (lookups.dnd()) {
      case ON -> Optional.of(Reason.DND);
      case UNKNOWN -> Optional.of(Reason.DND_UNKNOWN);
      case OFF -> Optional.empty();
    };
  }

  private Optional<Reason> personalHold(RestPrefs p, Instant now, RestFacts f) {
    LocalDate today = LocalDate.ofInstant(now, f.zone());
    if (!p.enabled()) {
      return Optional.of(Reason.OFF);
    }
    if (p.pausedUntil().filter(today::isBefore).isPresent()) {
      return Optional.of(Reason.PAUSED);
    }
    if (p.doneOn().filter(today::equals).isPresent()) {
      return Optional.of(Reason.DONE_FOR_TODAY);
    }
    if (p.snoozedUntil().filter(now::isBefore).isPresent()) {
      return Optional.of(Reason.SNOOZED);
    }
    return Optional.empty();
  }

  private Optional<Nudge> due(RestFacts f, Lookups lookups) {
    int earlier = earlierToday(f);
    LocalTime local = LocalTime.ofInstant(f.now(), f.zone());
    if (f.prefs().quietOr(rules).contains(local)) {
      List<OnDuty> watch = lookups.onDuty();
      boolean onWatch = watch.stream().anyMatch(d -> d.captainId().equals(f.userId()));
      if (!onWatch) {
        Optional<OnDuty> other =
            watch.stream().filter(d -> !d.captainId().equals(f.userId())).findFirst();
        return Optional.of(
            draft(f, NudgeKind.LATE_NIGHT, earlier)
                .watchedBy(
                    other.map(OnDuty::channelId).orElse(null),
                    other.map(OnDuty::captainId).orElse(null)));
      }
    }
    List<WorkSession> sessions = withOpenManual(f);
    LocalDate today = LocalDate.ofInstant(f.now(), f.zone());
    Duration hoursToday = log.day(sessions, f.zone(), today, f.now()).active();
    if (hoursToday.compareTo(f.prefs().dailyLimitOr(rules)) >= 0) {
      return Optional.of(draft(f, NudgeKind.DAILY_LIMIT, earlier).observing(hoursToday));
    }
    Duration stretch = stretch(f);
    if (stretch.compareTo(rules.stretch()) >= 0) {
      return Optional.of(draft(f, NudgeKind.LONG_STRETCH, earlier).observing(stretch));
    }
    if (workedEveryDay(sessions, f, today) && !hadDayOffNudge(f)) {
      return Optional.of(draft(f, NudgeKind.NO_DAY_OFF, earlier).inARow(rules.daysInARow()));
    }
    return Optional.empty();
  }

  private static Nudge draft(RestFacts f, NudgeKind kind, int earlier) {
    return Nudge.draft(f.teamId(), f.userId(), kind, f.now(), f.zone(), earlier);
  }

  /** Active within the break length, or in a manual session: nobody is nudged after stopping. */
  private boolean stillAtIt(RestFacts f) {
    return f.manualSince().isPresent()
        || lastMoment(f)
            .filter(last -> Duration.between(last, f.now()).compareTo(rules.breakLength()) < 0)
            .isPresent();
  }

  private static Optional<Instant> lastMoment(RestFacts f) {
    return f.activity().stream().filter(a -> !a.isAfter(f.now())).max(Comparator.naturalOrder());
  }

  /**
   * How long the person has gone without a break: back from now through activity and any open
   * manual session, until a silence of at least the break length or a break they reported.
   */
  Duration stretch(RestFacts f) {
    List<Instant[]> spans = new ArrayList<>();
    f.activity().stream()
        .filter(a -> !a.isAfter(f.now()))
        .forEach(a -> spans.add(new Instant[] {a, a}));
    f.manualSince()
        .filter(s -> !s.isAfter(f.now()))
        .ifPresent(s -> spans.add(new Instant[] {s, f.now()}));
    spans.sort(Comparator.comparing((Instant[] s) -> s[0]));
    Instant start = null;
    Instant end = null;
    for (Instant[] s : spans) {
      if (end == null || Duration.between(end, s[0]).compareTo(rules.breakLength()) >= 0) {
        start = s[0];
      }
      end = end == null || s[1].isAfter(end) ? s[1] : end;
    }
    if (end == null || Duration.between(end, f.now()).compareTo(rules.breakLength()) >= 0) {
      return Duration.ZERO;
    }
    Instant breakAt = f.prefs().breakAt().filter(b -> !b.isAfter(f.now())).orElse(Instant.MIN);
    Instant from = breakAt.isAfter(start) ? breakAt : start;
    return Duration.between(from, f.now());
  }

  private boolean workedEveryDay(List<WorkSession> sessions, RestFacts f, LocalDate today) {
    for (int back = 0; back < rules.daysInARow(); back++) {
      LocalDate day = today.minusDays(back);
      if (log.day(sessions, f.zone(), day, f.now()).active().compareTo(rules.workedDay()) < 0) {
        return false;
      }
    }
    return true;
  }

  // One "plan a day off" per streak: a streak needs as many days again to come back.
  private boolean hadDayOffNudge(RestFacts f) {
    Instant since = f.now().minus(Duration.ofDays(rules.daysInARow()));
    return f.recent().stream()
        .anyMatch(p -> p.kind() == NudgeKind.NO_DAY_OFF && p.decidedAt().isAfter(since));
  }

  private static int earlierToday(RestFacts f) {
    LocalDate today = LocalDate.ofInstant(f.now(), f.zone());
    return (int) f.recent().stream().filter(p -> p.localDate().equals(today)).count();
  }

  private static List<WorkSession> withOpenManual(RestFacts f) {
    List<WorkSession> all = new ArrayList<>(f.sessions());
    f.manualSince()
        .filter(since -> since.isBefore(f.now()))
        .ifPresent(since -> all.add(WorkSession.manual(since, f.now())));
    return all;
  }
}
