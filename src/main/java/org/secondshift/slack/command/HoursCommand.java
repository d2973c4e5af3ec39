package org.secondshift.slack.command;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.secondshift.hours.HourReports;
import org.secondshift.hours.IsoWeek;
import org.secondshift.slack.blocks.HoursView;

/** {@code /shift hours [last | 2026-W48] [@someone]}: per-day hours of an ISO week. */
public final class HoursCommand implements Subcommand {
  private final HourReports reports;
  private final BiPredicate<String, String> sharing;

  /**
   * @param sharing whether (team, user) opted in to letting teammates see their hours
   */
  public HoursCommand(HourReports reports, BiPredicate<String, String> sharing) {
    this.reports = reports;
    this.sharing = sharing;
  }

  @Override
  public String name() {
    return "hours";
  }

  @Override
  public String usage() {
    return "/shift hours [last | 2026-W48] [@someone]";
  }

  @Override
  public String summary() {
    return "your hours by day this week, last week or any ISO week";
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
    return own
        ? HoursView.week(reports.week(inv.teamId(), subject, iso))
        : HoursView.theirWeek(subject, reports.week(inv.teamId(), subject, iso));
  }

  /** This week, last week, or a named ISO week. */
  record WeekChoice(int weeksBack, Optional<IsoWeek> week) {
    static final WeekChoice THIS = new WeekChoice(0, Optional.empty());

    static WeekChoice parse(String arg) {
      String word = arg.toLowerCase(java.util.Locale.ROOT);
      if (List.of("this", "now", "week").contains(word)) {
        return THIS;
      }
      if (word.equals("last") || word.equals("previous")) {
        return new WeekChoice(1, Optional.empty());
      }
      try {
        return new WeekChoice(0, Optional.of(IsoWeek.parse(arg)));
      } catch (IllegalArgumentException e) {
        throw new UsageException("`" + arg + "` is not a week; try `last` or `2026-W48`.");
      }
    }
  }
}
