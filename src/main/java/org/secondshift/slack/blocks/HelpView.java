package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;
import java.util.stream.Collectors;
import org.secondshift.slack.command.Reply;
import org.secondshift.slack.command.Subcommand;

/** {@code /shift help} and the one-line error that shows the right usage. */
public final class HelpView {
  /** The answer to someone writing to the bot's Messages tab, where it holds no conversation. */
  public static final String MESSAGES_TAB_POINTER =
      "Hi! I do not read messages here; I answer commands: try `/shift help`.";

  private HelpView() {}

  public static Reply help(List<Subcommand> subcommands) {
    String lines =
        subcommands.stream()
            .map(s -> "`" + s.usage() + "` — " + s.summary())
            .collect(Collectors.joining("\n"));
    String text =
        "*Second Shift* keeps an honest log of when you are active in Slack"
            + " (never what you write).\n"
            + lines
            + "\n`/shift help` — this list";
    return new Reply(text, List.of(section(s -> s.text(markdownText(text)))));
  }

  public static Reply usageError(String problem, String usage) {
    String text = ":warning: " + problem + "\nUsage: `" + usage + "`";
    return new Reply(
        text,
        List.of(
            section(s -> s.text(markdownText(":warning: " + problem))),
            context(
                c ->
                    c.elements(
                        List.of(
                            markdownText(
                                "Usage: `" + usage + "` · `/shift help` lists everything"))))));
  }
}
