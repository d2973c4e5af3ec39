package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.secondshift.rest.RestPrefs;
import org.secondshift.rest.RestSetup;
import org.secondshift.slack.command.Reply;

/** {@code /shift rest}: a person's nudge settings, and the answer after changing one. */
public final class RestView {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private RestView() {}

  /** The settings, headed by {@code headline} (what just changed), if any. */
  public static Reply settings(String headline, RestSetup.Current c) {
    RestPrefs p = c.prefs();
    List<String> lines = new ArrayList<>();
    if (headline != null) {
      lines.add(headline);
    }
    lines.add("*Rest nudges:* " + state(c));
    lines.add("*Quiet hours:* " + c.quiet() + (p.quiet().isEmpty() ? " (workspace default)" : ""));
    lines.add(
        "*Daily limit:* "
            + DurationText.of(c.dailyLimit())
            + (p.dailyLimit().isEmpty() ? " (workspace default)" : ""));
    lines.add(
        "*Long stretch:* "
            + DurationText.of(c.rules().stretch())
            + " without a "
            + DurationText.of(c.rules().breakLength())
            + " break");
    String text = String.join("\n", lines);
    String how =
        "`/shift rest quiet 23:00-07:30` · `limit 9h` · `snooze 2h` · `pause until 2026-12-27`"
            + " · `off` · `on` — times are yours, on "
            + When.zone(c.zone());
    return new Reply(
        text,
        List.of(
            section(s -> s.text(markdownText(text))),
            context(x -> x.elements(List.of(markdownText(how))))));
  }

  private static String state(RestSetup.Current c) {
    RestPrefs p = c.prefs();
    if (!p.enabled()) {
      return "off";
    }
    if (p.pausedUntil().filter(c.today()::isBefore).isPresent()) {
      return "paused until " + DAY.format(p.pausedUntil().get());
    }
    if (p.doneOn().filter(c.today()::equals).isPresent()) {
      return "done for today";
    }
    if (p.snoozedUntil().filter(c.now()::isBefore).isPresent()) {
      return "snoozed until " + HH_MM.format(LocalTime.ofInstant(p.snoozedUntil().get(), c.zone()));
    }
    return "on";
  }
}
