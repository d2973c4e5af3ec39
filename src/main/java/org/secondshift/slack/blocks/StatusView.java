package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.secondshift.hours.HourReports;
import org.secondshift.slack.command.Reply;

/** {@code /shift status}: a few lines about today. */
public final class StatusView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private StatusView() {}

  public static Reply status(HourReports.Status status) {
    List<String> lines = new ArrayList<>();
    lines.add("*Today so far:* " + DurationText.of(status.today()));
    lines.add(
        status
            .currentSession()
            .map(d -> "*Current session:* " + DurationText.of(d))
            .orElse("*Current session:* none — you have been quiet for a while"));
    status
        .manual()
        .ifPresent(
            m ->
                lines.add(
                    "*Manual session* open since "
                        + TIME.format(LocalTime.ofInstant(m.startedAt(), status.zone()))
                        + (m.note() == null ? "" : " (" + m.note() + ")")
                        + " — `/shift stop` when you are done"));
    String text = String.join("\n", lines);
    String where =
        "It is "
            + TIME.format(LocalTime.ofInstant(status.now(), status.zone()))
            + " for you ("
            + When.zone(status.zone())
            + ")";
    return new Reply(
        text,
        List.of(
            section(s -> s.text(markdownText(text))),
            context(c -> c.elements(List.of(markdownText(where))))));
  }
}
