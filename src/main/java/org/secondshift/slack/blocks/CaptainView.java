package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.secondshift.captain.Assignment;
import org.secondshift.captain.MoveReason;
import org.secondshift.captain.Overview;
import org.secondshift.captain.Refusal;
import org.secondshift.captain.Rotation;
import org.secondshift.captain.SetupResult;
import org.secondshift.slack.command.Reply;

/** What {@code /shift captain} and {@code /shift note} answer the person who ran them. */
public final class CaptainView {
  public static final String REPLACE_ACTION = "captain_replace";
  public static final String KEEP_ACTION = "captain_keep";

  private CaptainView() {}

  /**
   * A time each reader sees in their own zone; {@code zone}, the rotation's, is only the fallback
   * for clients that cannot show Slack's date token.
   */
  public static String time(Instant at, ZoneId zone) {
    return When.forEachReader(at, zone);
  }

  public static String cadence(Rotation r) {
    int h = r.cadence().hours();
    int d = r.cadence().days();
    String every =
        h > 0 ? "every " + h + " h" : d == 1 ? "daily" : d == 7 ? "weekly" : "every " + d + " days";
    return every + " from " + r.firstHandoff().toLocalTime() + " " + When.zone(r.zone());
  }

  /** Who took the watch when the rotation was set up, and until when. */
  public static String onWatchNow(Assignment current, ZoneId zone) {
    return "<@"
        + current.captain()
        + "> holds the watch now, until "
        + time(current.end(), zone)
        + (current.moved()
            ? "  _(for <@"
                + current.planned()
                + ">: "
                + CaptainMessages.reason(current.reason(), current.planned())
                + ")_"
            : "")
        + ".";
  }

  /** One line per shift: when, who, and why it moved. */
  public static String shiftLines(List<Assignment> shifts, ZoneId zone) {
    return shifts.stream()
        .map(
            a ->
                "• "
                    + time(a.start(), zone)
                    + " – "
                    + time(a.end(), zone)
                    + "  <@"
                    + a.captain()
                    + ">"
                    + (a.moved() || a.reason() == MoveReason.SWAP || a.reason() == MoveReason.COVER
                        ? "  _("
                            + (a.reason() == MoveReason.COVER || a.reason() == MoveReason.SWAP
                                ? CaptainMessages.reason(a.reason(), a.planned())
                                    + " for <@"
                                    + a.planned()
                                    + ">"
                                : "moved from <@"
                                    + a.planned()
                                    + ">: "
                                    + CaptainMessages.reason(a.reason(), a.planned()))
                            + ")_"
                        : ""))
        .collect(Collectors.joining("\n"));
  }

  public static Reply overview(Overview o) {
    Rotation r = o.rotation();
    String now =
        o.current()
            .map(
                s ->
                    "<@"
                        + s.captain()
                        + "> holds the watch since "
                        + time(s.startedAt(), r.zone())
                        + " until "
                        + time(s.endsAt(), r.zone())
                        + ".")
            .orElse(
                r.paused()
                    ? "The rotation is paused; nobody holds the watch."
                    : "Nobody holds the watch right now.");
    String next = o.ahead().isEmpty() ? "" : "*Next handoffs*\n" + shiftLines(o.ahead(), r.zone());
    String notes =
        o.openNotes() + (o.openNotes() == 1 ? " handoff note open" : " handoff notes open");
    return reply(now, next, cadence(r) + " · " + notes);
  }

  public static Reply schedule(Overview o) {
    Rotation r = o.rotation();
    if (r.paused()) {
      return Reply.text("The rotation is paused; `/shift captain resume` starts handoffs again.");
    }
    return reply(
        "*The next " + o.ahead().size() + " shifts*",
        shiftLines(o.ahead(), r.zone()),
        "Roster: " + Sections.clip(mentions(r.roster())));
  }

  /**
   * What a setup answers; {@code questionId} names the kept setup that the Replace button applies
   * when the channel already has a rotation.
   */
  public static Reply setup(SetupResult result, ZoneId zone, String questionId) {
    String plan = shiftLines(result.plan(), zone);
    return switch (result.outcome()) {
      case CREATED ->
          reply(
              "Captain rotation set up; I posted the plan in the channel.",
              plan,
              "Handoffs follow " + When.zone(zone) + "; each of you sees the times in your own.");
      case REPLACED ->
          reply(
              "Captain rotation replaced; I posted the new plan in the channel.",
              plan,
              "Handoffs follow " + When.zone(zone) + "; each of you sees the times in your own.");
      case ALREADY_CHANGED -> Reply.text("The rotation changed meanwhile; nothing was replaced.");
      case NEEDS_CONFIRMATION -> confirm(plan, questionId);
    };
  }

  private static Reply confirm(String plan, String value) {
    String text = "This channel already has a captain rotation. Replace it with this one?";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text))));
    blocks.addAll(Sections.of(plan));
    blocks.add(
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(REPLACE_ACTION)
                                    .text(plainText("Replace"))
                                    .style("danger")
                                    .value(value)),
                        button(
                            b ->
                                b.actionId(KEEP_ACTION)
                                    .text(plainText("Keep the current one"))
                                    .value(value))))));
    return new Reply(text, blocks);
  }

  /** What replaces the question when an earlier click on Replace already applied it. */
  public static Reply alreadyReplaced() {
    return Reply.text("The rotation was already replaced with this one; nothing more to do.");
  }

  /** What replaces the question when it was clicked after its life ran out. */
  public static Reply questionExpired() {
    return Reply.text(
        "This question expired; run `/shift captain setup …` again to replace the rotation.");
  }

  /** What replaces the Replace / Keep question when the person keeps the current rotation. */
  public static Reply kept() {
    return Reply.text("Kept the current captain rotation; nothing changed.");
  }

  public static Reply swapped(List<Assignment> both, ZoneId zone) {
    return reply(
        "Swapped. Your shift now goes to <@" + both.get(0).captain() + ">, and you take theirs.",
        shiftLines(both, zone),
        "");
  }

  public static Reply covered(Assignment a, ZoneId zone) {
    return reply(
        "<@" + a.captain() + "> covers for <@" + a.planned() + ">.",
        shiftLines(List.of(a), zone),
        "");
  }

  public static Reply skipped(String userId) {
    return Reply.text("<@" + userId + "> is skipped once and goes to the back of the line.");
  }

  public static Reply handedOff(Assignment a, ZoneId zone) {
    return Reply.text(
        "Handed over: <@"
            + a.captain()
            + "> holds the watch until "
            + time(a.end(), zone)
            + ". You are off duty — rest well.");
  }

  public static Reply joined(Rotation r) {
    return Reply.text("You joined the rotation. Roster: " + mentions(r.roster()));
  }

  public static Reply left(Rotation r) {
    return Reply.text("You left the rotation. Roster: " + mentions(r.roster()));
  }

  public static Reply paused() {
    return Reply.text("Paused. No handoffs until `/shift captain resume`.");
  }

  public static Reply resumed(Instant next, ZoneId zone) {
    return Reply.text("Resumed. Next handoff: " + time(next, zone) + ".");
  }

  public static Reply noted(Optional<String> deliveredTo) {
    return Reply.text(
        deliveredTo
            .map(
                c ->
                    "Noted. <@"
                        + c
                        + "> holds the watch and has it now; the next captain gets it at the handoff.")
            .orElse("Noted. The next captain gets it at the handoff."));
  }

  public static Reply noRotation() {
    return Reply.text(
        "This channel has no captain rotation. Set one up with "
            + "`/shift captain setup @a @b every 12h at 09:00`.");
  }

  /** One line saying why a rotation command was refused. */
  public static String refusal(Refusal r) {
    String who = r.userId() == null ? "" : "<@" + r.userId() + ">";
    return switch (r.why()) {
      case NO_ROTATION ->
          "This channel has no captain rotation yet; use `/shift captain setup` first.";
      case NOT_A_MEMBER -> who + " is not in this rotation.";
      case ALREADY_A_MEMBER -> who + " is already in this rotation.";
      case LAST_MEMBER ->
          "You are the last one in the rotation; pause it or set up a new one instead.";
      case NO_SHIFT_AHEAD -> who + " has no shift ahead in this rotation.";
      case NOBODY_ON_DUTY -> "Nobody holds the watch right now.";
      case NOT_THE_CAPTAIN -> "Only the captain on duty (" + who + ") can hand off.";
      case ALREADY_PAUSED -> "The rotation is already paused.";
      case NOT_PAUSED -> "The rotation is not paused.";
      case IS_PAUSED -> "The rotation is paused; `/shift captain resume` first.";
      case SAME_PERSON -> "Name someone else than " + who + ".";
    };
  }

  private static String mentions(List<String> users) {
    return users.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
  }

  private static Reply reply(String head, String body, String foot) {
    String text = body.isBlank() ? head : head + "\n" + body;
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(head))));
    if (!body.isBlank()) {
      blocks.addAll(Sections.of(body));
      if (!foot.isBlank()) {
        blocks.add(context(c -> c.elements(List.of(markdownText(foot)))));
      }
    }
    return new Reply(text, blocks);
  }
}
