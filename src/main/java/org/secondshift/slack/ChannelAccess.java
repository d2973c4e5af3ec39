package org.secondshift.slack;

import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.model.Conversation;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the bot can post where a {@code /shift} command was run, asked of {@code
 * conversations.info} while the command waits for its answer.
 *
 * <p>The check runs inline: a slash command must be answered within 3 s, and {@code
 * conversations.info} is one quick call (Tier 3), made by a client with a short call timeout. When
 * Slack cannot say (a timeout, an error, a scope the install lacks) the command goes ahead, and the
 * first post's own answer tells the person who set it up if it fails.
 */
public final class ChannelAccess {
  private static final Logger log = LoggerFactory.getLogger(ChannelAccess.class);
  private static final Set<String> HIDDEN = Set.of("channel_not_found", "not_in_channel");

  /** What the check found. */
  public enum Verdict {
    /** A channel the bot is in: posts go out. */
    OPEN,
    /** A public channel without the bot, or a private one that Slack hides from it. */
    NOT_INVITED,
    /** A direct message or a group DM: no place for a channel's rotation or summary. */
    DIRECT_MESSAGE,
    /** An archived channel: Slack refuses every post. */
    ARCHIVED,
    /** Slack could not say; the command goes ahead and the first post shows. */
    UNCHECKED
  }

  private final TeamClients slack;

  /** {@code slack} should use a short call timeout, see {@link SlackApp#client}. */
  public ChannelAccess(TeamClients slack) {
    this.slack = slack;
  }

  /**
   * {@code channelName} is the slash command's {@code channel_name}: {@code directmessage} in a DM,
   * {@code mpdm-…} in a group DM.
   */
  public Verdict check(String teamId, String channelId, String channelName) {
    if (isDirect(channelId, channelName)) {
      return Verdict.DIRECT_MESSAGE;
    }
    var client = slack.of(teamId);
    if (client.isEmpty()) {
      return Verdict.UNCHECKED;
    }
    try {
      ConversationsInfoResponse info = client.get().conversationsInfo(r -> r.channel(channelId));
      if (info.isOk() && info.getChannel() != null) {
        return verdict(info.getChannel());
      }
      if (HIDDEN.contains(info.getError())) {
        return Verdict.NOT_INVITED;
      }
      log.warn(
          "conversations.info for channel {} in team {} failed ({}{}); accepting the command{}",
          channelId,
          teamId,
          info.getError(),
          info.getNeeded() == null ? "" : ", needs " + info.getNeeded(),
          "missing_scope".equals(info.getError())
              ? ": reinstall the app with the scopes in manifest.yml"
              : "");
    } catch (Exception e) {
      log.warn(
          "conversations.info for channel {} in team {} failed ({}); accepting the command",
          channelId,
          teamId,
          e.toString());
    }
    return Verdict.UNCHECKED;
  }

  private static Verdict verdict(Conversation c) {
    if (c.isIm() || c.isMpim()) {
      return Verdict.DIRECT_MESSAGE;
    }
    if (c.isArchived()) {
      return Verdict.ARCHIVED;
    }
    return c.isMember() ? Verdict.OPEN : Verdict.NOT_INVITED;
  }

  private static boolean isDirect(String channelId, String channelName) {
    return (channelId != null && channelId.startsWith("D"))
        || "directmessage".equals(channelName)
        || (channelName != null && channelName.startsWith("mpdm-"));
  }
}
