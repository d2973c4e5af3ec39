package org.secondshift.slack.command;

import java.util.List;

/** Who ran {@code /shift}, where, and the words after the subcommand. */
public record Invocation(
    String teamId, String userId, String channelId, List<String> args, String rest) {
  public Invocation {
    args = List.copyOf(args);
  }
}
