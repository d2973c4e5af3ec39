package org.secondshift.slack.command;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.secondshift.hours.HourReports;
import org.secondshift.hours.IsoWeek;
import org.secondshift.slack.blocks.HoursView;

/**
 * {@code /shift hours [last | 2026-11-23] [@someone]}: per-day hours of a week (Monday to Sunday).
 */
public final class HoursCommand implements Subcommand {
  private final HourReports reports;
  private final BiPredicate<String, String> sharing;
  private final BiFunction<String, String, Duration> dailyLimit;

  /**
   * @param sharing whether (team, user) opted in to letting teammates see their hours
   * @param dailyLimit (team, user)'s daily limit: a full bar, the same scale every week
   */
  public HoursCommand(
      HourReports reports,
      BiPredicate<String, String> sharing,
      BiFunction<String, String, Duration> dailyLimit) {
    this.reports = reports;
    this.sharing = sharing;
    this.dailyLimit = dailyLimit;
  }

  @Override
  public String name() {
    return "hours";
  }

  @Override
  public String usage() {
    return "/shift hours [last | 2026-11-23] [@someone]";
  }

  @Override
  public String summary() {
    return "your hours by day: this week, last week, or the week of any day";
  }

  @Override
  public Reply run(Invocation inv) {
    Optional<String> other = Optional.empty();
    Optional<WeekChoice> week = Optional.empty();
    for (String arg : inv.args()) {
      if (Mentions.looksLikeMention(arg)) {
        if (other.isPresent()) {
          throw new UsageException("Name one person at a time.");
        }
        other =
            Optional.of(
                Mentions.userId(arg)
                    .orElseThrow(
                        () ->
                            new UsageException(
                                "`"
                                    + arg
                                    + "` is not a person I can look up; pick them from the @ menu.")));
      } else {
        if (week.isPresent()) {
          throw new UsageException("Give one week at a time.");
        }
        week = Optional.of(WeekChoice.parse(arg));
      }
    }
    String subject = other.orElse(inv.userId());
    boolean own = subject.equals(inv.userId());
    if (!own && !sharing.test(inv.teamId(), subject)) {
      return HoursView.notShared(subject);
    }
    WeekChoice choice = week.orElse(WeekChoice.THIS);
    IsoWeek iso =
        choice
            .week()
            .orElseGet(() -> reports.currentWeek(inv.teamId(), subject, choice.weeksBack()));
    Duration scale = dailyLimit.apply(inv.teamId(), subject);
    return own
        ? HoursView.week(reports.week(inv.teamId(), subject, iso), scale)
        : HoursView.theirWeek(subject, reports.week(inv.teamId(), subject, iso), scale);
  }

  /** This week, last week, or a named ISO week. */
  record WeekChoice(int weeksBack, Optional<IsoWeek> week) {
    static final WeekChoice THIS = new WeekChoice(0, Optional.empty());

    static WeekChoice parse(String arg) {
      String word = arg.toLowerCase(Locale.ROOT);
      if (List.of("this", "now", "week").contains(word)) {
        return THIS;
      }
      if (word.equals("last") || word.equals("previous")) {
        return new WeekChoice(1, Optional.empty());
      }
      try {
        // Any day names its week; an ISO week id (2026-W48) is understood too, for those who use
        // them.
        return new WeekChoice(
            0,
            Optional.of(
                arg.contains("W") || arg.contains("w")
                    ? IsoWeek.parse(arg.toUpperCase(Locale.ROOT))
                    : IsoWeek.of(LocalDate.parse(arg))));
      } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
        throw new UsageException(
            "`"
                + arg
                + "` is not a week; try `last`, or a day of the week you mean: `2026-11-23`.");
      }
    }
  }
}
