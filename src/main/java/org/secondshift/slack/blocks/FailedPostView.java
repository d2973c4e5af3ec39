package org.secondshift.slack.blocks;

import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.PostFailures;

/** The direct message that tells whoever set up a plan that Slack refuses its posts. */
public final class FailedPostView {
  /** The outbox kind of that direct message. */
  public static final OutboxKind KIND = OutboxKind.POST_FAILED;

  private FailedPostView() {}

  /**
   * The message to {@code setter} about {@code owner}'s posts, which Slack refused with {@code
   * error}.
   */
  public static OutboxMessage message(String setter, PostFailures.Owner owner, String error) {
    String channel = "<#" + owner.channelId() + ">";
    boolean rotation = owner.plan() == PostFailures.Plan.ROTATION;
    String what = rotation ? "the captain rotation's messages" : "the weekly summary";
    String setUp = rotation ? "`/shift captain setup`" : "`/shift summary weekly on`";
    String text =
        ":warning: I could not post "
            + what
            + " in "
            + channel
            + ": "
            + reason(error)
            + " "
            + advice(error, setUp)
            + " I will not tell you again about this plan until it is set up again.";
    return OutboxMessage.post(
        owner.teamId(), KIND, setter, text, null, "post-failed:" + owner.channelId());
  }

  private static String reason(String error) {
    return switch (error) {
      case "not_in_channel" -> "I am no longer a member of that channel.";
      case "channel_not_found" -> "Slack no longer lets me see that channel.";
      case "is_archived" -> "the channel is archived.";
      default -> "Slack kept refusing it (" + error + ").";
    };
  }

  private static String advice(String error, String setUp) {
    return switch (error) {
      case "is_archived" -> "Set it up again in a channel that is in use: " + setUp + ".";
      case "not_in_channel", "channel_not_found" ->
          "Invite me: `/invite @Second Shift`, or set it up again in another channel: "
              + setUp
              + ".";
      default -> "Check the channel, then set it up again there or elsewhere: " + setUp + ".";
    };
  }
}
