package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.secondshift.hours.DayHours;
import org.secondshift.hours.WeekHours;
import org.secondshift.slack.command.Reply;

/** A person's week: one line per day with a small bar, then totals. */
public final class HoursView {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final int BAR_WIDTH = 12;

  private HoursView() {}

  public static Reply week(WeekHours week) {
    return week("*Your hours in " + week.week() + "* · " + week.zone().getId(), week);
  }

  /** Someone else's week, shown because they chose to share it. */
  public static Reply theirWeek(String userId, WeekHours week) {
    return week(
        "*<@" + userId + ">'s hours in " + week.week() + "* · " + week.zone().getId() + " (shared)",
        week);
  }

  private static Reply week(String title, WeekHours week) {
    StringBuilder table = new StringBuilder("```\n");
    Duration longest =
        week.days().stream().map(DayHours::active).max(Duration::compareTo).orElse(Duration.ZERO);
    for (DayHours day : week.days()) {
      String amount = day.active().isZero() ? "—" : DurationText.of(day.active());
      table.append(
          String.format(
              Locale.ENGLISH,
              "%-10s %-12s %s%n",
              DAY.format(day.date()),
              amount,
              bar(day.active(), longest)));
    }
    table.append("```");
    List<String> totals = new ArrayList<>();
    totals.add("Total *" + DurationText.of(week.total()) + "*");
    totals.add("late night " + DurationText.of(week.lateNight()));
    totals.add("weekend " + DurationText.of(week.weekend()));
    if (!week.duty().isZero()) {
      totals.add("captain duty " + DurationText.of(week.duty()) + " (apart)");
    }
    String summary = String.join(" · ", totals);
    return new Reply(
        title + "\n" + summary,
        List.of(
            section(s -> s.text(markdownText(title))),
            section(s -> s.text(markdownText(table.toString()))),
            context(c -> c.elements(List.of(markdownText(summary))))));
  }

  public static Reply notShared(String userId) {
    return Reply.text(
        "<@"
            + userId
            + "> has not chosen to share their hours, so only they can see them."
            + " Your own: `/shift hours`.");
  }

  private static String bar(Duration value, Duration longest) {
    if (longest.isZero() || value.isZero()) {
      return "";
    }
    int cells =
        (int) Math.max(1, Math.round(BAR_WIDTH * value.toSeconds() / (double) longest.toSeconds()));
    return "█".repeat(cells);
  }
}
