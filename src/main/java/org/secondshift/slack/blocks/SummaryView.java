package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.secondshift.summary.WeeklySummary;

/**
 * The weekly summary post: one plain sentence on top, then figures for the group, a distribution
 * (never a ranking), and names only of people who opted in. Its size does not grow with the team,
 * so it stays inside Slack's block limits for any channel.
 */
public final class SummaryView {
  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_NAMES = 20;

  private SummaryView() {}

  /** The fallback text and blocks of the post. */
  public static Message message(WeeklySummary s) {
    String headline = headline(s);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        header(h -> h.text(plainText(clip("The team's hours in " + When.week(s.week()), 150)))));
    blocks.add(section(b -> b.text(markdownText(clip(headline, MAX_SECTION_TEXT)))));
    if (s.showsFigures()) {
      blocks.add(section(b -> b.fields(fields(s))));
      blocks.add(section(b -> b.text(markdownText(clip(distribution(s), MAX_SECTION_TEXT)))));
      if (!s.noDayOffNames().isEmpty()) {
        blocks.add(
            context(c -> c.elements(List.of(markdownText(clip(names(s), MAX_SECTION_TEXT))))));
      }
    }
    blocks.add(divider());
    blocks.add(
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            "Counts only *when* people were active, never what they wrote. Names appear only for people"
                                + " who said `/shift share on`. Groups under "
                                + WeeklySummary.MIN_GROUP
                                + " show no figures.")))));
    return new Message(headline.replace("*", ""), blocks);
  }

  static String headline(WeeklySummary s) {
    return switch (s.highlight()) {
      case TOO_FEW_PEOPLE ->
          "Too few people were active this week to show figures without pointing at someone.";
      case NO_DAY_OFF ->
          "*"
              + people(s.noDayOff())
              + " went the whole week without a day off.* "
              + "Plan a rest day this week, and let the captain or automation carry the watch.";
      case LATE_NIGHT ->
          "*"
              + percent(s.lateNightShare())
              + " of the team's hours were late at night.* "
              + "Night work belongs to the captain on duty; everyone else can log off.";
      case HOURS_UP ->
          "*The team worked "
              + percent(s.change().orElse(0.0))
              + " more than the week before.* "
              + "Check whether that pace is one you want to keep.";
      case HOURS_DOWN ->
          "*The team worked "
              + percent(-s.change().orElse(0.0))
              + " less than the week before.* "
              + "Good: rest is part of the work.";
      case STEADY ->
          "*A steady week:* " + DurationText.of(s.total()) + " across " + people(s.people()) + ".";
    };
  }

  private static List<TextObject> fields(WeeklySummary s) {
    List<TextObject> fields = new ArrayList<>();
    fields.add(markdownText("*Active hours*\n" + DurationText.of(s.total()) + change(s)));
    fields.add(markdownText("*Median per person*\n" + DurationText.of(s.median())));
    fields.add(
        markdownText(
            "*Late night*\n"
                + DurationText.of(s.lateNight())
                + " ("
                + percent(s.lateNightShare())
                + ")"));
    fields.add(
        markdownText(
            "*Weekend*\n" + DurationText.of(s.weekend()) + " (" + percent(s.weekendShare()) + ")"));
    fields.add(markdownText("*No day off*\n" + people(s.noDayOff())));
    fields.add(
        markdownText(
            "*Captain*\n"
                + s.captain().shifts()
                + " shifts · "
                + DurationText.of(s.captain().duty())
                + " on duty"));
    fields.add(
        markdownText(
            "*Rest nudges*\n" + s.nudges().sent() + " sent" + answers(s.nudges().answers())));
    return fields;
  }

  private static String distribution(WeeklySummary s) {
    int most = s.distribution().stream().mapToInt(WeeklySummary.Band::people).max().orElse(1);
    String rows =
        s.distribution().stream()
            .map(
                b ->
                    String.format(
                        Locale.ENGLISH,
                        "%-8s %s %d",
                        b.label(),
                        b.people() == 0
                            ? "·"
                            : "█".repeat(Math.max(1, b.people() * 16 / Math.max(1, most))),
                        b.people()))
            .collect(Collectors.joining("\n"));
    return "*How the hours spread* (people per band of weekly hours)\n```\n" + rows + "\n```";
  }

  private static String names(WeeklySummary s) {
    List<String> shown = s.noDayOffNames().stream().limit(MAX_NAMES).toList();
    int more = s.noDayOffNames().size() - shown.size();
    return "Without a day off, and fine with being named: "
        + String.join(", ", shown)
        + (more > 0 ? " and " + more + " more" : "")
        + ".";
  }

  private static String change(WeeklySummary s) {
    if (s.firstFullWeek()) {
      return " (the first full week I saw: nothing to compare with yet)";
    }
    return s.change()
        .map(c -> " (" + (c >= 0 ? "+" : "−") + percent(Math.abs(c)) + " vs last week)")
        .orElse("");
  }

  private static String answers(Map<String, Integer> answers) {
    if (answers.isEmpty()) {
      return "";
    }
    return "\n"
        + answers.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(" · "));
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String people(int n) {
    return n == 1 ? "1 person" : n + " people";
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** What to post: notification text and blocks. */
  public record Message(String text, List<LayoutBlock> blocks) {}
}
