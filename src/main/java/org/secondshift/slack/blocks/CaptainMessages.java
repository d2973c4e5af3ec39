package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.secondshift.captain.Assignment;
import org.secondshift.captain.MoveReason;
import org.secondshift.captain.Note;
import org.secondshift.captain.Notice;
import org.secondshift.store.OutboxKind;

/**
 * The words of the rotation's notices: channel posts and direct messages. Which messages a notice
 * makes, and to whom, is the store's; {@code kind} says which of them is being rendered.
 */
final class CaptainMessages {
  private final Gson gson = GsonFactory.createSnakeCase();

  Rendered render(OutboxKind kind, Notice notice) {
    if (notice instanceof Notice.Plan p) {
      return plan(p);
    }
    if (notice instanceof Notice.Handoff h) {
      return switch (kind) {
        case HANDOFF -> handoffPost(h);
        case HANDOFF_NOTES -> new Rendered(incoming(h), null);
        case HANDOFF_OFF -> new Rendered(outgoing(h), null);
        default -> throw new IllegalArgumentException("a handoff is not a " + kind + " message");
      };
    }
    if (notice instanceof Notice.Reminder r) {
      long minutes = r.minutesAhead();
      String text =
          ":bell: In "
              + minutes
              + (minutes == 1 ? " minute" : " minutes")
              + ", at "
              + CaptainView.time(r.shift().start(), r.zone())
              + ", you take the watch in <#"
              + r.channelId()
              + "> until "
              + CaptainView.time(r.shift().end(), r.zone())
              + ".";
      return new Rendered(text, null);
    }
    if (notice instanceof Notice.NoteForCaptain n) {
      String text =
          ":memo: <@"
              + n.note().authorId()
              + "> left a handoff note in <#"
              + n.channelId()
              + ">: "
              + n.note().text();
      return new Rendered(text, null);
    }
    Notice.Paused p = (Notice.Paused) notice;
    String text =
        p.paused()
            ? ":double_vertical_bar: <@"
                + p.by()
                + "> paused the captain rotation. Nobody holds the watch until it resumes."
            : ":arrow_forward: <@"
                + p.by()
                + "> resumed the captain rotation. Next handoff: "
                + CaptainView.time(p.nextHandoff(), p.zone())
                + ".";
    return new Rendered(text, null);
  }

  private Rendered plan(Notice.Plan p) {
    String head =
        "<@"
            + p.setUpBy()
            + "> "
            + (p.replaced() ? "replaced" : "set up")
            + " the captain rotation: "
            + CaptainView.cadence(p.rotation())
            + ". Times below are in your own zone.";
    String body =
        CaptainView.onWatchNow(p.current(), p.rotation().zone())
            + "\n"
            + CaptainView.shiftLines(p.shifts(), p.rotation().zone());
    return new Rendered(
        head + "\n" + body,
        blocks(
            head,
            body,
            "`/shift captain` shows who holds the watch · `/shift note` leaves a handoff note"));
  }

  private Rendered handoffPost(Notice.Handoff h) {
    Assignment a = h.shift();
    ZoneId zone = h.zone();
    List<String> lines = new ArrayList<>();
    lines.add(
        ":ship: <@"
            + a.captain()
            + "> now holds the watch until "
            + CaptainView.time(a.end(), zone)
            + "."
            + (h.outgoing() == null || h.outgoing().equals(a.captain())
                ? ""
                : " <@" + h.outgoing() + "> is off duty."));
    if (a.moved()) {
      lines.add("The shift was <@" + a.planned() + ">'s: " + reason(a.reason(), a.planned()) + ".");
    }
    lines.add(
        h.notes().isEmpty()
            ? "No handoff notes are open."
            : h.notes().size()
                + (h.notes().size() == 1 ? " handoff note is" : " handoff notes are")
                + " open; they went to the new captain.");
    String detail =
        h.late()
            ? "This handoff was due at "
                + CaptainView.time(a.start(), zone)
                + " and is made late, at "
                + CaptainView.time(h.performedAt(), zone)
                + "."
                + (h.missed() > 0 ? " " + h.missed() + " earlier handoff(s) passed meanwhile." : "")
            : h.early()
                ? "Handed over early, at " + CaptainView.time(h.performedAt(), zone) + "."
                : "Handoff at " + CaptainView.time(a.start(), zone) + ".";
    String text = String.join("\n", lines);
    return new Rendered(text + "\n" + detail, blocks(text, "", detail));
  }

  private static String outgoing(Notice.Handoff h) {
    return ":zzz: You are off duty in <#"
        + h.channelId()
        + ">; <@"
        + h.shift().captain()
        + "> holds the watch now.";
  }

  private static String incoming(Notice.Handoff h) {
    StringBuilder text =
        new StringBuilder(
            ":ship: You hold the watch in <#"
                + h.channelId()
                + "> until "
                + CaptainView.time(h.shift().end(), h.zone())
                + ".");
    if (h.notes().isEmpty()) {
      text.append(" No handoff notes are open.");
    } else {
      text.append(" Handoff notes:");
      for (Note n : h.notes()) {
        text.append("\n• <@").append(n.authorId()).append(">: ").append(n.text());
      }
    }
    return text.toString();
  }

  /** The reason a shift moved, as said in the handoff post. */
  static String reason(MoveReason reason, String planned) {
    return switch (reason) {
      case ON_PAUSE -> "they are on pause or vacation";
      case PAST_DAILY_LIMIT ->
          "they worked past their daily limit in the last 24 h, so the most rested member took it";
      case HELD_PREVIOUS_SHIFT -> "they held the previous shift, so the most rested member took it";
      case COVER -> "covered";
      case SWAP -> "swapped";
      case NONE -> "planned";
    };
  }

  private String blocks(String head, String body, String foot) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(head))));
    if (!body.isBlank()) {
      blocks.addAll(Sections.of(body));
    }
    blocks.add(context(c -> c.elements(List.of(markdownText(foot)))));
    return gson.toJson(blocks);
  }
}
