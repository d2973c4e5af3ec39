package org.secondshift.slack.command;

import java.util.List;

/**
 * Who ran {@code /shift}, where, and the words after the subcommand.
 *
 * @param channelName the payload's {@code channel_name}: {@code directmessage} in a DM, {@code
 *     mpdm-…} in a group DM
 */
public record Invocation(
    String teamId,
    String userId,
    String channelId,
    String channelName,
    List<String> args,
    String rest) {
  public Invocation {
    args = List.copyOf(args);
  }
}
