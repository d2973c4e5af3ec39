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

  /** One's own week; a bar is full at {@code limit}, their daily limit, so weeks compare. */
  public static Reply week(WeekHours week, Duration limit) {
    return week(
        "*Your hours in " + When.week(week.week()) + "* · " + When.zone(week.zone()), week, limit);
  }

  /** Someone else's week, shown because they chose to share it. */
  public static Reply theirWeek(String userId, WeekHours week, Duration limit) {
    return week(
        "*<@"
            + userId
            + ">'s hours in "
            + When.week(week.week())
            + "* · "
            + When.zone(week.zone())
            + " (shared)",
        week,
        limit);
  }

  private static Reply week(String title, WeekHours week, Duration limit) {
    StringBuilder table = new StringBuilder("```\n");
    Duration longest =
        week.days().stream().map(DayHours::active).max(Duration::compareTo).orElse(Duration.ZERO);
    // One fixed scale, the daily limit, so that three hours never fill the bar; a day past the
    // limit still fits.
    Duration scale = longest.compareTo(limit) > 0 ? longest : limit;
    for (DayHours day : week.days()) {
      String amount = day.active().isZero() ? "—" : DurationText.of(day.active());
      table.append(
          String.format(
              Locale.ENGLISH,
              "%-10s %-12s %s%n",
              DAY.format(day.date()),
              amount,
              bar(day.active(), scale)));
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

  private static String bar(Duration value, Duration scale) {
    if (scale.isZero() || value.isZero()) {
      return "";
    }
    int cells =
        (int) Math.max(1, Math.round(BAR_WIDTH * value.toSeconds() / (double) scale.toSeconds()));
    return "█".repeat(cells);
  }
}
