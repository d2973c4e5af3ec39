package org.secondshift.slack.blocks;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.secondshift.slack.command.Reply;
import org.secondshift.slack.command.Subcommand;

/** {@code /shift help} and the one-line error that shows the right usage. */
public final class HelpView {
  /** The answer to someone writing to the bot's Messages tab, where it holds no conversation. */
  public static final String MESSAGES_TAB_POINTER =
      "Hi! I do not read messages here; I answer commands: try `/shift help`.";

  private HelpView() {}

  /** The three commands people use most, each with an example, in the order they come to them. */
  private static final List<String[]> FIRST =
      List.of(
          new String[] {"hours", "/shift hours last", "your hours by day, this week or last"},
          new String[] {"rest", "/shift rest quiet 23:00-07:30", "when rest nudges may come"},
          new String[] {"captain", "/shift captain", "who holds the watch now, and until when"});

  /** Every command in the group people think of it in, for the rest of the list. */
  private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("hours", List.of("hours", "status", "start", "stop"));
    GROUPS.put("rest", List.of("rest"));
    GROUPS.put("captain", List.of("captain", "note"));
    GROUPS.put("summary", List.of("summary", "share"));
    GROUPS.put("your data", List.of("export", "forget-me"));
  }

  /** {@code /shift help}: the three most used commands with examples, then the rest by group. */
  public static Reply help(List<Subcommand> subcommands) {
    Map<String, Subcommand> byName = new LinkedHashMap<>();
    subcommands.forEach(c -> byName.put(c.name(), c));
    StringBuilder first = new StringBuilder("*Start here*");
    for (String[] f : FIRST) {
      if (byName.containsKey(f[0])) {
        first.append("\n`").append(f[1]).append("` — ").append(f[2]);
      }
    }
    StringBuilder rest = new StringBuilder("*Everything, by group*");
    GROUPS.forEach(
        (group, names) ->
            rest.append("\n*")
                .append(Character.toUpperCase(group.charAt(0)))
                .append(group.substring(1))
                .append(":* ")
                .append(
                    names.stream()
                        .filter(byName::containsKey)
                        .map(n -> "`/shift " + n + "`")
                        .collect(Collectors.joining(" · "))));
    String intro =
        "*Second Shift* keeps an honest log of when you are active in Slack (never what you"
            + " write), nudges you to rest, and runs the captain rotation.";
    String foot = "`/shift help captain` (or any group or command) shows it in full.";
    String text = intro + "\n" + first + "\n" + rest + "\n" + foot;
    return new Reply(
        text,
        List.of(
            section(s -> s.text(markdownText(intro))),
            section(s -> s.text(markdownText(first.toString()))),
            section(s -> s.text(markdownText(rest.toString()))),
            context(c -> c.elements(List.of(markdownText(foot))))));
  }

  /**
   * {@code /shift help <topic>}: a group ({@code captain}, {@code your data}) or one command in
   * full, or empty when {@code topic} names neither.
   */
  public static Optional<Reply> topic(String topic, List<Subcommand> subcommands) {
    String key = topic.trim().toLowerCase(Locale.ROOT);
    List<String> names =
        GROUPS.containsKey(key)
            ? GROUPS.get(key)
            : GROUPS.values().stream().filter(g -> g.contains(key)).findFirst().orElse(List.of());
    List<Subcommand> shown = subcommands.stream().filter(c -> names.contains(c.name())).toList();
    if (shown.isEmpty()) {
      return Optional.empty();
    }
    String text =
        shown.stream()
            .map(c -> "`" + c.usage() + "`\n" + c.summary())
            .collect(Collectors.joining("\n\n"));
    return Optional.of(new Reply(text, List.of(section(s -> s.text(markdownText(text))))));
  }

  /** A word that is no command, answered with the one it most likely meant, if any is close. */
  public static Reply unknown(String word, Optional<Subcommand> meant) {
    String problem = "`" + word + "` is not a /shift command.";
    String text =
        meant
            .map(
                c ->
                    problem
                        + " Did you mean `/shift "
                        + c.name()
                        + "`? It shows "
                        + c.summary()
                        + ".")
            .orElse(problem + " `/shift help` lists them.");
    String foot = meant.map(c -> "`/shift help " + c.name() + "` shows how to use it").orElse("");
    return new Reply(
        ":warning: " + text,
        foot.isEmpty()
            ? List.of(section(s -> s.text(markdownText(":warning: " + text))))
            : List.of(
                section(s -> s.text(markdownText(":warning: " + text))),
                context(c -> c.elements(List.of(markdownText(foot))))));
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
