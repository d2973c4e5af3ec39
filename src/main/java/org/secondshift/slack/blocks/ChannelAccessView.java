package org.secondshift.slack.blocks;

import java.util.Optional;
import org.secondshift.slack.ChannelAccess;
import org.secondshift.slack.command.Reply;

/** What {@code /shift} says when it is run where the bot cannot post. */
public final class ChannelAccessView {
  private ChannelAccessView() {}

  /** The answer instead of setting something up, or empty when the bot can post there. */
  public static Optional<Reply> refusal(ChannelAccess.Verdict verdict, String what) {
    return Optional.ofNullable(
            switch (verdict) {
              case NOT_INVITED ->
                  ":wave: Invite me first: `/invite @Second Shift`. I can only post "
                      + what
                      + " in a channel I am in; run the command again once I am here.";
              case DIRECT_MESSAGE ->
                  ":no_entry_sign: "
                      + capitalised(what)
                      + " lives in a channel, not in a direct message. Run this in a public or"
                      + " private channel I was invited to (`/invite @Second Shift`).";
              case ARCHIVED ->
                  ":file_cabinet: This channel is archived, so Slack will not let me post "
                      + what
                      + " here. Run this in a channel that is in use.";
              case OPEN, UNCHECKED -> null;
            })
        .map(Reply::text);
  }

  private static String capitalised(String what) {
    return Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }
}
