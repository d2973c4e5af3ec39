package org.secondshift.slack.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.secondshift.hours.DayHours;
import org.secondshift.slack.blocks.DurationText;
import org.secondshift.slack.blocks.Sections;
import org.secondshift.slack.blocks.When;

/** The Home tab: this week at a glance, the running session, rest, rotations, nudges, settings. */
public final class HomeView {
  public static final String OPEN_SETTINGS = "home_open_settings";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
  private static final int BAR = 10;
  private static final DateTimeFormatter PAUSED =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private HomeView() {}

  public static View of(HomeData d) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Your week · " + When.week(d.week().week())))));
    blocks.add(section(s -> s.text(markdownText(bars(d)))));
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            "Total *"
                                + DurationText.of(d.week().total())
                                + "* · late night "
                                + DurationText.of(d.week().lateNight())
                                + " · weekend "
                                + DurationText.of(d.week().weekend())
                                + " · "
                                + When.zone(d.week().zone()))))));
    blocks.add(
        section(
            s ->
                s.fields(
                    List.of(
                        markdownText(
                            "*Right now*\n"
                                + d.currentSession()
                                    .map(x -> "in a session for " + DurationText.of(x))
                                    .orElse("no session running")),
                        markdownText(
                            "*Last day off*\n"
                                + d.daysSinceDayOff()
                                    .map(HomeView::daysAgo)
                                    .orElse("not in the last two weeks — plan one"))))));
    blocks.add(divider());
    // One line per rotation and per nudge: many of them become several sections.
    blocks.addAll(
        Sections.of(
            "*Your next captain shifts*\n"
                + (d.nextShifts().isEmpty()
                    ? "You are in no rotation."
                    : String.join("\n", d.nextShifts()))));
    blocks.addAll(
        Sections.of(
            "*Recent nudges*\n"
                + (d.recentNudges().isEmpty()
                    ? "None lately."
                    : String.join("\n", d.recentNudges()))));
    blocks.add(divider());
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        settingsLine(
                            d.choices(), LocalDate.ofInstant(d.now(), d.week().zone()))))));
    blocks.add(
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(OPEN_SETTINGS)
                                    .text(plainText("Settings"))
                                    .style("primary"))))));
    return view(v -> v.type("home").blocks(blocks));
  }

  private static String bars(HomeData d) {
    Duration most =
        d.week().days().stream()
            .map(DayHours::active)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    // The daily limit fills the bar, as in /shift hours, so three hours never look like a full day.
    Duration limit = d.choices().dailyLimit();
    Duration scale = most.compareTo(limit) > 0 ? most : limit;
    StringBuilder b = new StringBuilder("```\n");
    for (DayHours day : d.week().days()) {
      int cells =
          scale.isZero()
              ? 0
              : (int) Math.round(BAR * day.active().toSeconds() / (double) scale.toSeconds());
      b.append(DAY.format(day.date()))
          .append(' ')
          .append("█".repeat(cells))
          .append("░".repeat(BAR - cells))
          .append(' ')
          .append(day.active().isZero() ? "—" : DurationText.of(day.active()))
          .append('\n');
    }
    return b.append("```").toString();
  }

  private static String settingsLine(PersonalSettings.Choices c, LocalDate today) {
    return "*Settings* · quiet hours "
        + c.quietFrom()
        + "–"
        + c.quietTo()
        + " · daily limit "
        + DurationText.of(c.dailyLimit())
        + " · nudges "
        + (!c.nudges()
            ? "off"
            : c.pausedUntil()
                .filter(until -> until.isAfter(today))
                .map(until -> "paused until " + PAUSED.format(until))
                .orElse("on"))
        + " · sharing "
        + (c.sharing() ? "on" : "off")
        + c.zoneOverride().map(z -> " · on " + When.zone(z)).orElse("");
  }

  private static String daysAgo(int days) {
    return days == 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
  }
}
