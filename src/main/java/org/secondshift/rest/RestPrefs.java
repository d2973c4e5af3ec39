package org.secondshift.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One person's choices about nudges: their own quiet hours and daily limit (else the workspace's),
 * whether nudges are on, and the pauses they asked for.
 *
 * @param snoozedUntil no nudges before this instant
 * @param pausedUntil no nudges before this local date (a vacation)
 * @param doneOn no more nudges on this local date ("Done for today")
 * @param breakAt when they last said they were taking a break; the stretch starts again there
 */
public record RestPrefs(
    boolean enabled,
    Optional<QuietHours> quiet,
    Optional<Duration> dailyLimit,
    Optional<Instant> snoozedUntil,
    Optional<LocalDate> pausedUntil,
    Optional<LocalDate> doneOn,
    Optional<Instant> breakAt) {
  /** What a button snoozes for. */
  public static final Duration SNOOZE = Duration.ofHours(1);

  /** The fewest and most hours a day a person may set as their limit, wherever they set it. */
  public static final Duration LEAST_DAILY_LIMIT = Duration.ofHours(1);

  public static final Duration MOST_DAILY_LIMIT = Duration.ofHours(16);

  /** Whether {@code limit} is one a person may choose. */
  public static boolean allowsDailyLimit(Duration limit) {
    return limit.compareTo(LEAST_DAILY_LIMIT) >= 0 && limit.compareTo(MOST_DAILY_LIMIT) <= 0;
  }

  public RestPrefs {
    Objects.requireNonNull(quiet, "quiet");
    Objects.requireNonNull(dailyLimit, "dailyLimit");
    Objects.requireNonNull(snoozedUntil, "snoozedUntil");
    Objects.requireNonNull(pausedUntil, "pausedUntil");
    Objects.requireNonNull(doneOn, "doneOn");
    Objects.requireNonNull(breakAt, "breakAt");
  }

  /** Someone who never changed anything: nudges on, the workspace's hours and limit. */
  public static RestPrefs defaults() {
    return new RestPrefs(
        true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public QuietHours quietOr(RestRules rules) {
    return quiet.orElse(rules.quiet());
  }

  public Duration dailyLimitOr(RestRules rules) {
    return dailyLimit.orElse(rules.dailyLimit());
  }

  /** What a click on a nudge's button changes, at {@code at} in the person's {@code zone}. */
  public RestPrefs after(NudgeAnswer answer, Instant at, ZoneId zone) {
    return switch (answer) {
      case BREAK -> withBreakAt(at);
      case SNOOZE -> snoozedFor(at, SNOOZE);
      case DONE ->
          new RestPrefs(
              enabled,
              quiet,
              dailyLimit,
              snoozedUntil,
              pausedUntil,
              Optional.of(LocalDate.ofInstant(at, zone)),
              breakAt);
      case OFF -> withEnabled(false);
    };
  }

  public RestPrefs withEnabled(boolean on) {
    return new RestPrefs(on, quiet, dailyLimit, snoozedUntil, pausedUntil, doneOn, breakAt);
  }

  /** Nudges on again, with any snooze, pause or "done for today" lifted. */
  public RestPrefs resumed() {
    return new RestPrefs(
        true, quiet, dailyLimit, Optional.empty(), Optional.empty(), Optional.empty(), breakAt);
  }

  public RestPrefs withQuiet(QuietHours hours) {
    return new RestPrefs(
        enabled, Optional.of(hours), dailyLimit, snoozedUntil, pausedUntil, doneOn, breakAt);
  }

  public RestPrefs withDailyLimit(Duration limit) {
    return new RestPrefs(
        enabled, quiet, Optional.of(limit), snoozedUntil, pausedUntil, doneOn, breakAt);
  }

  public RestPrefs snoozedFor(Instant now, Duration length) {
    return new RestPrefs(
        enabled, quiet, dailyLimit, Optional.of(now.plus(length)), pausedUntil, doneOn, breakAt);
  }

  public RestPrefs pausedUntil(LocalDate date) {
    return new RestPrefs(
        enabled, quiet, dailyLimit, snoozedUntil, Optional.of(date), doneOn, breakAt);
  }

  public RestPrefs withBreakAt(Instant at) {
    return new RestPrefs(
        enabled, quiet, dailyLimit, snoozedUntil, pausedUntil, doneOn, Optional.of(at));
  }
}
