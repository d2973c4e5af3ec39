package org.secondshift.slack.command;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.secondshift.slack.blocks.HelpView;

/** Routes {@code /shift <subcommand> ...} to its handler and turns bad input into usage. */
public final class ShiftCommands {
  private final Map<String, Subcommand> byName = new LinkedHashMap<>();
  private final BiConsumer<String, String> counted;

  public ShiftCommands(List<Subcommand> subcommands) {
    this(subcommands, (name, outcome) -> {});
  }

  /**
   * As above, telling {@code counted} of each invocation: the subcommand ({@code help} and {@code
   * unknown} included) and its outcome ({@code ok}, {@code usage}, {@code help}, {@code unknown}).
   */
  public ShiftCommands(List<Subcommand> subcommands, BiConsumer<String, String> counted) {
    for (Subcommand s : subcommands) {
      byName.put(s.name(), s);
    }
    this.counted = counted;
  }

  /** Answers one {@code /shift} invocation; never throws for anything a person can type. */
  public Reply handle(
      String teamId, String userId, String channelId, String channelName, String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("help")) {
      counted.accept("help", "help");
      return HelpView.help(List.copyOf(byName.values()));
    }
    String[] words = trimmed.split("\\s+");
    String name = words[0].toLowerCase(Locale.ROOT);
    if (name.equals("help")) {
      String topic = trimmed.substring(words[0].length()).trim();
      counted.accept("help", "help");
      return HelpView.topic(topic, List.copyOf(byName.values()))
          .orElseGet(() -> HelpView.unknown(topic, nearest(topic.toLowerCase(Locale.ROOT))));
    }
    Subcommand sub = byName.get(name);
    if (sub == null) {
      counted.accept("unknown", "unknown");
      return HelpView.unknown(words[0], nearest(name));
    }
    String rest = trimmed.substring(words[0].length()).trim();
    List<String> args = Arrays.asList(words).subList(1, words.length);
    try {
      Reply reply = sub.run(new Invocation(teamId, userId, channelId, channelName, args, rest));
      counted.accept(sub.name(), "ok");
      return reply;
    } catch (UsageException e) {
      counted.accept(sub.name(), "usage");
      return HelpView.usageError(e.getMessage(), sub.usage());
    } catch (RuntimeException e) {
      counted.accept(sub.name(), "error");
      throw e;
    }
  }

  /** The command {@code word} most likely meant: at most two edits away, or a third of it. */
  private Optional<Subcommand> nearest(String word) {
    return byName.values().stream()
        .min(
            Comparator.comparingInt((Subcommand s) -> distance(word, s.name()))
                .thenComparing(Subcommand::name))
        .filter(s -> distance(word, s.name()) <= Math.max(2, s.name().length() / 3));
  }

  /**
   * Edit distance counting a swap of neighbours as one edit, so {@code stauts} suggests {@code
   * status}.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
