package org.secondshift.sandbox;

import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * How real Slack answers in the cases the bot must cope with, gathered in one place so the stand-in
 * holds the bot to Slack's behaviour rather than to our reading of it. Each rule names the Slack
 * document (API method page or SDK source) it follows.
 */
final class SlackRules {
  private SlackRules() {}

  /**
   * Where a bot may post with {@code chat:write} (and without {@code chat:write.public}): in a
   * direct message (a {@code D…} id, or a user id, which Slack turns into the DM) and in a channel
   * it was invited to. A public channel it is not in answers {@code not_in_channel}; an id Slack
   * does not know answers {@code channel_not_found}, and so does a private channel the bot is not
   * in, since Slack does not reveal private channels to non-members; an archived channel answers
   * {@code is_archived}. Follows https://api.slack.com/methods/chat.postMessage (Errors).
   */
  static Optional<String> postingError(ChannelDirectory channels, String channel) {
    if (channel == null) {
      return Optional.of("channel_not_found");
    }
    if (isDirect(channel)) {
      return Optional.empty();
    }
    Optional<ChannelDirectory.Channel> found = channels.find(channel);
    if (found.isEmpty()) {
      return Optional.of("channel_not_found");
    }
    ChannelDirectory.Channel c = found.get();
    if (!c.has(TeamDirectory.BOT_USER_ID)) {
      return Optional.of(c.isPrivate() ? "channel_not_found" : "not_in_channel");
    }
    return c.archived() ? Optional.of("is_archived") : Optional.empty();
  }

  /**
   * Sharing an uploaded file into a conversation posts it there, so {@code
   * files.completeUploadExternal} refuses the same conversations {@code chat.postMessage} does
   * ({@code channel_not_found}, {@code not_in_channel}); without a channel the file stays private
   * and nothing is refused. Follows https://api.slack.com/methods/files.completeUploadExternal
   * (Errors) and {@link #postingError}.
   */
  static Optional<String> sharingError(ChannelDirectory channels, String channel) {
    return channel == null ? Optional.empty() : postingError(channels, channel);
  }

  /**
   * {@code conversations.info}: the conversation object with {@code is_channel}, {@code is_group},
   * {@code is_im}, {@code is_mpim}, {@code is_private}, {@code is_archived} and, for channels,
   * {@code is_member} (whether the calling bot is in it); {@code channel_not_found} for an unknown
   * id and for a private channel the bot is not in. Follows
   * https://api.slack.com/methods/conversations.info and the conversation object,
   * https://api.slack.com/types/conversation.
   */
  static JsonObject conversationInfo(
      ChannelDirectory channels, TeamDirectory people, String channel) {
    if (channel != null && channel.startsWith("D")) {
      String user = channel.substring(1);
      if (people.user(user).isEmpty()) {
        return WebApi.error("channel_not_found");
      }
      JsonObject im = new JsonObject();
      im.addProperty("id", channel);
      im.addProperty("created", 1_600_000_000L);
      im.addProperty("is_im", true);
      im.addProperty("is_org_shared", false);
      im.addProperty("user", user);
      im.addProperty("is_user_deleted", false);
      return withChannel(im);
    }
    Optional<ChannelDirectory.Channel> found = channels.find(channel);
    if (found.isEmpty()
        || (found.get().isPrivate() && !found.get().has(TeamDirectory.BOT_USER_ID))) {
      return WebApi.error("channel_not_found");
    }
    ChannelDirectory.Channel c = found.get();
    JsonObject json = new JsonObject();
    json.addProperty("id", c.id());
    json.addProperty("name", c.name());
    json.addProperty("is_channel", c.id().startsWith("C"));
    json.addProperty("is_group", c.id().startsWith("G"));
    json.addProperty("is_im", false);
    json.addProperty("is_mpim", false);
    json.addProperty("is_private", c.isPrivate());
    json.addProperty("is_archived", c.archived());
    json.addProperty("is_general", false);
    json.addProperty("is_member", c.has(TeamDirectory.BOT_USER_ID));
    json.addProperty("created", 1_600_000_000L);
    return withChannel(json);
  }

  /**
   * Every method answers {@code not_authed} when no token came with the call, and {@code
   * token_revoked} once the token was revoked (the app was uninstalled or its token rotated out),
   * before looking at anything else. Follows the errors shared by all methods, e.g.
   * https://api.slack.com/methods/chat.postMessage (Errors: not_authed, token_revoked).
   */
  static Optional<String> tokenError(String token, Set<String> revoked) {
    if (token == null) {
      return Optional.of("not_authed");
    }
    return revoked.contains(token) ? Optional.of("token_revoked") : Optional.empty();
  }

  /**
   * The Events API sends a {@code message} event only from conversations the app is in: the bot's
   * DMs, and channels it was invited to. Follows https://api.slack.com/events/message.channels and
   * https://api.slack.com/events/message.im.
   */
  static boolean sendsMessageEvent(String channel, boolean botIsMember) {
    return isDirect(channel) || botIsMember;
  }

  /**
   * A slash command names its conversation in {@code channel_name}: the channel's name, {@code
   * directmessage} in a DM, and {@code mpdm-…} in a group DM. Follows
   * https://api.slack.com/interactivity/slash-commands (the payload's fields).
   */
  static String commandChannelName(String channel, Optional<String> channelName) {
    if (channel.startsWith("D")) {
      return "directmessage";
    }
    return channelName.orElse(channel);
  }

  /** Slack posts a message addressed to a user id into the bot's DM with that user. */
  private static boolean isDirect(String channel) {
    return channel.startsWith("D") || channel.startsWith("U") || channel.startsWith("W");
  }

  private static JsonObject withChannel(JsonObject channel) {
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    body.add("channel", channel);
    return body;
  }
}
