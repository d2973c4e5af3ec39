package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.util.json.GsonFactory;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.secondshift.rest.Nudge;
import org.secondshift.rest.NudgeAnswer;
import org.secondshift.rest.NudgeAnswered;
import org.secondshift.rest.RestPrefs;

/**
 * The direct message of a nudge: what was observed, one concrete thing to do, four buttons; and the
 * same message after a click, showing what was chosen.
 */
public final class NudgeView {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private final Gson json = GsonFactory.createSnakeCase();

  /** The direct message carrying a new nudge and its buttons. */
  public Rendered nudge(Nudge n) {
    Words w = words(n);
    List<LayoutBlock> blocks =
        List.of(
            section(s -> s.text(markdownText("*" + w.headline() + "*\n" + w.body()))),
            actions(a -> a.blockId("nudge:" + n.id()).elements(buttons(n))),
            context(
                c -> c.elements(List.of(markdownText("`/shift rest` changes when these come.")))));
    return new Rendered(w.headline() + " " + w.body(), json.toJson(blocks));
  }

  /** The nudge's message after the click, showing what was chosen. */
  public Rendered answered(NudgeAnswered a) {
    Nudge n = a.nudge();
    String chosen = chosen(n, a.answer(), a.at());
    List<LayoutBlock> blocks =
        List.of(
            section(s -> s.text(markdownText("*" + words(n).headline() + "*"))),
            context(c -> c.elements(List.of(markdownText(chosen)))));
    return new Rendered(chosen, json.toJson(blocks));
  }

  /**
   * The answers that fit the nudge, the likeliest first: a break after a long stretch, bed late at
   * night, rest after a watch (which is not snoozed: it is a thank-you, not a reminder).
   */
  private static List<BlockElement> buttons(Nudge n) {
    return switch (n.kind()) {
      case LONG_STRETCH ->
          List.of(
              answer(n, NudgeAnswer.BREAK, "Taking a break", true),
              answer(n, NudgeAnswer.SNOOZE, "Snooze 1 h", false),
              answer(n, NudgeAnswer.DONE, "Done for today", false),
              answer(n, NudgeAnswer.OFF, "Turn these off", false));
      case DAILY_LIMIT ->
          List.of(
              answer(n, NudgeAnswer.DONE, "Done for today", true),
              answer(n, NudgeAnswer.SNOOZE, "Snooze 1 h", false),
              answer(n, NudgeAnswer.OFF, "Turn these off", false));
      case LATE_NIGHT ->
          List.of(
              answer(n, NudgeAnswer.DONE, "Going to bed", true),
              answer(n, NudgeAnswer.SNOOZE, "Snooze 1 h", false),
              answer(n, NudgeAnswer.OFF, "Turn these off", false));
      case NO_DAY_OFF ->
          List.of(
              answer(n, NudgeAnswer.SNOOZE, "Remind me later", false),
              answer(n, NudgeAnswer.OFF, "Turn these off", false));
      case RECOVERY ->
          List.of(
              answer(n, NudgeAnswer.DONE, "Resting now", true),
              answer(n, NudgeAnswer.OFF, "Turn these off", false));
    };
  }

  private static BlockElement answer(Nudge n, NudgeAnswer answer, String label, boolean primary) {
    String id = Long.toString(n.id());
    return button(
        b -> {
          b.actionId(answer.actionId()).value(id).text(plainText(label));
          return primary ? b.style("primary") : b;
        });
  }

  static String chosen(Nudge n, NudgeAnswer answer, Instant at) {
    return switch (answer) {
      case BREAK -> ":coffee: *Taking a break.* Good. The stretch starts fresh when you are back.";
      case SNOOZE ->
          ":zzz: *Snoozed* until "
              + HH_MM.format(LocalTime.ofInstant(at.plus(RestPrefs.SNOOZE), n.zone()))
              + ". Nothing from me before then.";
      case DONE ->
          switch (n.kind()) {
            case LATE_NIGHT ->
                ":crescent_moon: *Going to bed.* Good night; nothing from me until tomorrow.";
            case RECOVERY ->
                ":zzz: *Resting.* Nothing from me until tomorrow; the hours are yours.";
            default -> ":wave: *Done for today.* No more nudges until tomorrow. See you then.";
          };
      case OFF -> ":no_bell: *Nudges are off.* `/shift rest on` brings them back.";
    };
  }

  /** Headline and body; a repeat the same day gets fewer words. */
  static Words words(Nudge n) {
    String time = HH_MM.format(n.localTime());
    boolean again = n.isRepeat();
    return switch (n.kind()) {
      case LONG_STRETCH ->
          again
              ? new Words(
                  "Still going: " + DurationText.of(n.observed()) + ".", "A short break now?")
              : new Words(
                  DurationText.of(n.observed()) + " without a break.",
                  "Step away for fifteen minutes: water, a walk, a window. The work will still be here.");
      case DAILY_LIMIT ->
          again
              ? new Words(DurationText.of(n.observed()) + " today.", "Time to call it a day.")
              : new Words(
                  DurationText.of(n.observed()) + " today.",
                  "That is past your daily limit. Write down where you are and stop; the rest can wait for tomorrow.");
      case LATE_NIGHT -> lateNight(n, time, again);
      case NO_DAY_OFF ->
          new Words(
              n.days() + " days in a row with work.",
              "Pick a day this week with no work at all, and put it in your calendar.");
      case RECOVERY ->
          new Words(
              "Your watch" + n.channelId().map(c -> " in <#" + c + ">").orElse("") + " is over.",
              "Thank you for holding it. Sleep in, start late, and take those hours back.");
    };
  }

  private static Words lateNight(Nudge n, String time, boolean again) {
    if (n.captainId().isPresent()) {
      return new Words(
          "It is " + time + " for you.",
          "<@"
              + n.captainId().get()
              + "> holds the watch"
              + n.channelId().map(c -> " in <#" + c + ">").orElse("")
              + ", so the night is covered. Leave a note with `/shift note` and go to bed.");
    }
    return again
        ? new Words("Still up at " + time + ".", "Bed?")
        : new Words(
            "It is " + time + " for you.",
            "What must run overnight belongs to the captain on duty or to automation. Write down where you are and get some sleep.");
  }

  /** The two parts of a nudge's words. */
  record Words(String headline, String body) {}
}
