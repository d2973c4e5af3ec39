package org.secondshift.slack.blocks;

import org.secondshift.store.PostFailures;

/** The direct message that tells whoever set up a plan that Slack refuses its posts. */
public final class FailedPostView {
  private FailedPostView() {}

  /** The message to a plan's setter: Slack refused the plan's posts. */
  public static Rendered render(PostFailures.Refused refused) {
    PostFailures.Owner owner = refused.owner();
    String error = refused.error();
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
    return new Rendered(text, null);
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
