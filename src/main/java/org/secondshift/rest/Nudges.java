package org.secondshift.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.secondshift.captain.OnDuty;
import org.secondshift.captain.Watch;
import org.secondshift.hours.SessionHistory;
import org.secondshift.hours.ZoneLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the facts about a person, asks the {@link RestPolicy}, and records the nudge it decides
 * together with its message. Runs when activity arrives (on the background executor, never on the
 * request) and for everyone recently active from the periodic check.
 */
public final class Nudges {
  /** Channels someone was active in over this long are "their" channels for the watch. */
  static final Duration CHANNELS_WINDOW = Duration.ofDays(14);

  private static final Logger log = LoggerFactory.getLogger(Nudges.class);

  private final RestPolicy policy;
  private final RestPreferences preferences;
  private final NudgeLog nudges;
  private final SessionHistory sessions;
  private final WorkTrail trail;
  private final ZoneLookup zones;
  private final DndStatus dnd;
  private final Watch watch;
  private final Runnable queued;
  private final Pending pending;
  private final Clock clock;
  private final ScheduledExecutorService later;
  private final Map<String, Instant> lastActivityCheck = new ConcurrentHashMap<>();
  private final Set<String> trailing = ConcurrentHashMap.newKeySet();

  /** Activity-time checks of one person are at least this far apart. */
  static final Duration ACTIVITY_CHECK_SPACING = Duration.ofSeconds(1);

  /** Past this many people, those not checked within the spacing are forgotten. */
  static final int LAST_CHECKS_KEPT = 10_000;

  /**
   * @param queued called after a nudge's message was queued, e.g. to wake the outbox
   */
  public Nudges(
      RestPolicy policy,
      RestPreferences preferences,
      NudgeLog nudges,
      SessionHistory sessions,
      WorkTrail trail,
      ZoneLookup zones,
      DndStatus dnd,
      Watch watch,
      ScheduledExecutorService background,
      Runnable queued,
      Clock clock) {
    this.policy = policy;
    this.preferences = preferences;
    this.nudges = nudges;
    this.sessions = sessions;
    this.trail = trail;
    this.zones = zones;
    this.dnd = dnd;
    this.watch = watch;
    this.queued = queued;
    this.pending = new Pending(background);
    this.later = background;
    this.clock = clock;
  }

  /**
   * New activity of the person was recorded: check them soon, off the caller's thread. A burst of
   * messages is checked about once a second per person rather than once per message: the first
   * message of a burst at once (the leading edge), and, when later ones were skipped, once more
   * when the second is over (the trailing edge), so the burst's last message is not left to the
   * periodic check.
   */
  public void afterActivity(String teamId, String userId) {
    String key = teamId + "/" + userId;
    Instant now = clock.instant();
    Optional<Duration> skipFor = claimCheck(key, now);
    if (skipFor.isEmpty()) {
      pending.submit(key, () -> check(teamId, userId, clock.instant()));
    } else if (trailing.add(key)) {
      pending.later(
          later,
          skipFor.get(),
          () -> {
            trailing.remove(key);
            markChecked(key, clock.instant());
            pending.submit(key, () -> check(teamId, userId, clock.instant()));
          },
          () -> trailing.remove(key));
    }
  }

  /**
   * Empty when the person is due for a check now (and marks it as done), else how long until the
   * spacing since the last one is over, at most the spacing itself.
   */
  private synchronized Optional<Duration> claimCheck(String key, Instant now) {
    Instant last = lastActivityCheck.get(key);
    if (last != null && now.isBefore(last.plus(ACTIVITY_CHECK_SPACING))) {
      Duration left = Duration.between(now, last.plus(ACTIVITY_CHECK_SPACING));
      return Optional.of(
          left.compareTo(ACTIVITY_CHECK_SPACING) > 0 ? ACTIVITY_CHECK_SPACING : left);
    }
    if (lastActivityCheck.size() >= LAST_CHECKS_KEPT) {
      Instant stale = now.minus(ACTIVITY_CHECK_SPACING);
      lastActivityCheck.values().removeIf(at -> at.isBefore(stale));
    }
    lastActivityCheck.put(key, now);
    return Optional.empty();
  }

  private synchronized void markChecked(String key, Instant at) {
    lastActivityCheck.put(key, at);
  }

  /** Checks everyone active lately, for what time alone makes due; returns the nudges sent. */
  public int checkAll(Instant now) {
    Instant since = now.minus(policy.rules().breakLength());
    int sent = 0;
    for (WorkTrail.Person p : trail.activeSince(since)) {
      try {
        sent += check(p.teamId(), p.userId(), now) instanceof Verdict.Send ? 1 : 0;
      } catch (RuntimeException e) {
        log.warn(
            "rest check failed for user {} in team {}: {}", p.userId(), p.teamId(), e.toString());
      }
    }
    return sent;
  }

  /** Decides for one person at {@code now} and, for a nudge, records it and queues the DM. */
  public Verdict check(String teamId, String userId, Instant now) {
    RestFacts facts = facts(teamId, userId, now);
    Verdict verdict = policy.decide(facts, lookups(teamId, userId, now));
    if (verdict instanceof Verdict.Send send) {
      Instant othersAfter = now.minus(policy.rules().cooldown());
      Optional<Nudge> stored = nudges.record(send.nudge(), Optional.of(othersAfter));
      if (stored.isEmpty()) {
        return Verdict.hold(Verdict.Reason.COOLDOWN);
      }
      log.info(
          "nudge {} ({}) for user {} in team {}",
          stored.get().id(),
          stored.get().kind().code(),
          userId,
          teamId);
      queued.run();
      return new Verdict.Send(stored.get());
    }
    return verdict;
  }

  /** A captain's watch ended: maybe a recovery nudge. */
  public Verdict recover(String teamId, String captainId, String channelId, Instant now) {
    RestFacts facts = facts(teamId, captainId, now);
    Verdict verdict = policy.recovery(facts, channelId, lookups(teamId, captainId, now));
    if (verdict instanceof Verdict.Send send) {
      // Nothing since the watch ended: a second look at the same ended watch sends nothing.
      Optional<Nudge> stored = nudges.record(send.nudge(), Optional.of(now.minusMillis(1)));
      stored.ifPresent(n -> queued.run());
      return stored.<Verdict>map(Verdict.Send::new).orElse(Verdict.hold(Verdict.Reason.COOLDOWN));
    }
    return verdict;
  }

  /** Runs {@code work} on the background executor, like the activity checks. */
  void inBackground(String key, Runnable work) {
    pending.submit(key, work);
  }

  /** Waits until no check is queued or running; for orderly shutdown and tests. */
  public boolean awaitIdle(Duration timeout) {
    return pending.awaitIdle(timeout);
  }

  private RestFacts facts(String teamId, String userId, Instant now) {
    ZoneId zone = zones.zoneOf(teamId, userId);
    RestRules rules = policy.rules();
    int days = rules.daysInARow();
    Instant weekAgo = LocalDate.ofInstant(now, zone).minusDays(days).atStartOfDay(zone).toInstant();
    Instant dayAgo = now.minus(Duration.ofHours(24));
    return new RestFacts(
        teamId,
        userId,
        now,
        zone,
        preferences.prefs(teamId, userId),
        sessions.sessions(teamId, userId, weekAgo, now.plusSeconds(1)),
        trail.activity(teamId, userId, dayAgo, now),
        sessions.openManual(teamId, userId).map(m -> m.startedAt()),
        nudges.since(
            teamId,
            userId,
            weekAgo.isBefore(now.minus(rules.cooldown())) ? weekAgo : now.minus(rules.cooldown())));
  }

  private Lookups lookups(String teamId, String userId, Instant now) {
    return new Lookups() {
      @Override
      public Dnd dnd() {
        return dnd.dnd(teamId, userId);
      }

      @Override
      public List<OnDuty> onDuty() {
        Set<String> channels = trail.channels(teamId, userId, now.minus(CHANNELS_WINDOW));
        return channels.isEmpty() ? List.of() : watch.onDuty(teamId, channels, now);
      }
    };
  }

  /** Background work keyed by person: a person already waiting is not queued twice. */
  private static final class Pending {
    private final Executor executor;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private int running;

    Pending(Executor executor) {
      this.executor = executor;
    }

    void submit(String key, Runnable work) {
      if (!waiting.add(key)) {
        return;
      }
      started();
      try {
        executor.execute(() -> run(key, work));
      } catch (RejectedExecutionException e) {
        waiting.remove(key);
        finished();
      }
    }

    /**
     * Runs {@code work} after {@code delay}, counted as pending until then; {@code dropped} runs
     * instead when the executor refuses it.
     */
    void later(
        ScheduledExecutorService scheduler, Duration delay, Runnable work, Runnable dropped) {
      started();
      try {
        scheduler.schedule(
            () -> {
              try {
                work.run();
              } finally {
                finished();
              }
            },
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        dropped.run();
        finished();
      }
    }

    private void run(String key, Runnable work) {
      // Removed before running, so activity arriving meanwhile is checked again afterwards.
      waiting.remove(key);
      try {
        work.run();
      } catch (RuntimeException e) {
        log.warn("background rest check {} failed: {}", key, e.toString());
      } finally {
        finished();
      }
    }

    private synchronized void started() {
      running++;
    }

    private synchronized void finished() {
      running--;
      notifyAll();
    }

    synchronized boolean awaitIdle(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }
}
