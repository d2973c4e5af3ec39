package org.secondshift.slack.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads user mentions as Slack escapes them in command text: {@code <@U123|name>} or {@code
 * <@U123>}.
 */
public final class Mentions {
  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]{2,})(?:\\|[^>]*)?>");

  private Mentions() {}

  /** The user id when the whole word is a mention. */
  public static Optional<String> userId(String word) {
    Matcher m = USER.matcher(word);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether the word looks like an attempt at a mention (starts with @ or <@). */
  public static boolean looksLikeMention(String word) {
    return word.startsWith("@") || word.startsWith("<@");
  }
}
