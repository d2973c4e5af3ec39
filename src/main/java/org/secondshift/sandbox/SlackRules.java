package org.secondshift.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
   * {@code dnd.info} for {@code user}: {@code dnd_enabled} (a DND schedule exists) and the next
   * scheduled window ({@code next_dnd_start_ts}, {@code next_dnd_end_ts}; an active window has
   * already started). The {@code snooze_*} fields, a snooze the person started themselves, are
   * there only when the person asks about themself with their own user token; a bot token, or any
   * token asking about someone else, never sees them. The stand-in keeps no snoozes, so when shown
   * they say none. Follows https://api.slack.com/methods/dnd.info (Response: "snooze_* fields are
   * only visible to the user themselves").
   */
  static JsonObject dndInfo(boolean scheduledNow, long nowSecond, boolean askedByThemself) {
    JsonObject body = WebApi.ok();
    body.addProperty("dnd_enabled", scheduledNow);
    // Slack reports 1 for "no upcoming window".
    body.addProperty("next_dnd_start_ts", scheduledNow ? nowSecond - 3600 : 1);
    body.addProperty("next_dnd_end_ts", scheduledNow ? nowSecond + 8 * 3600 : 1);
    if (askedByThemself) {
      body.addProperty("snooze_enabled", false);
    }
    return body;
  }

  /**
   * Whether a {@code dnd.info} call asks about the token's own user: a user token ({@code xoxp-})
   * with no {@code user} argument, which Slack then reads as the caller. Follows
   * https://api.slack.com/methods/dnd.info (Arguments: user, "defaults to the current user") and
   * https://api.slack.com/authentication/token-types (bot tokens start xoxb-, user tokens xoxp-).
   */
  static boolean asksAboutThemself(String token, String userParam) {
    return token != null && token.startsWith("xoxp-") && userParam == null;
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

  /**
   * A {@code response_url} can be used up to five times within thirty minutes of the interaction
   * (https://api.slack.com/interactivity/handling#message_responses).
   */
  static final int RESPONSE_URL_USES = 5;

  static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

  /** What the stand-in answers (HTTP 404) to a response URL past its uses or its lifetime. */
  static final String RESPONSE_URL_USED_UP = "expired_url";

  static boolean responseUrlUsable(Instant issued, int usesSoFar, Instant now) {
    return usesSoFar < RESPONSE_URL_USES && now.isBefore(issued.plus(RESPONSE_URL_LIFETIME));
  }

  /**
   * A {@code trigger_id} comes with a click or a slash command and lets the app open one view for
   * that person: it works for three seconds after Slack sent it, and once. {@code views.open}
   * refuses an id Slack never handed out with {@code invalid_trigger_id}, one already spent on an
   * earlier call with {@code exchanged_trigger_id}, and one older than three seconds with {@code
   * expired_trigger_id}. The window is wall time, however long the app took to get there. Follows
   * https://api.slack.com/interactivity/handling#modal_responses,
   * https://api.slack.com/docs/triggers (three seconds, one use) and
   * https://api.slack.com/methods/views.open#errors (the three error names).
   */
  static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

  /**
   * Slack's refusal of a trigger: {@code issued} whether Slack handed it out, {@code exchanged}
   * whether a call already used it, {@code age} how long ago it was handed out.
   */
  static Optional<String> triggerError(boolean issued, boolean exchanged, Duration age) {
    if (!issued) {
      return Optional.of("invalid_trigger_id");
    }
    if (exchanged) {
      return Optional.of("exchanged_trigger_id");
    }
    return age.compareTo(TRIGGER_LIFETIME) < 0
        ? Optional.empty()
        : Optional.of("expired_trigger_id");
  }

  /**
   * A section's text: at most 3,000 characters
   * (https://api.slack.com/reference/block-kit/blocks#section).
   */
  static final int SECTION_TEXT_MAX = 3000;

  /**
   * Any text object (in a context block too): at most 3,000 characters
   * (https://api.slack.com/reference/block-kit/composition-objects#text). A context block holds at
   * most 10 elements (https://api.slack.com/reference/block-kit/blocks#context).
   */
  static final int TEXT_OBJECT_MAX = 3000;

  static final int CONTEXT_ELEMENTS_MAX = 10;

  /**
   * A message sent through a {@code response_url} or as a slash command's answer is a message, so
   * the message limits below apply and Slack refuses the whole answer past them
   * (https://api.slack.com/interactivity/handling#message_responses).
   */
  static final String RESPONSE_BLOCKS_ERROR = "invalid_blocks";

  /**
   * A button's value: at most 2,000 characters, its text at most 75
   * (https://api.slack.com/reference/block-kit/block-elements#button).
   */
  static final int BUTTON_VALUE_MAX = 2000;

  static final int BUTTON_TEXT_MAX = 75;

  /**
   * At most 50 blocks in a message, 100 in a modal or Home tab
   * (https://api.slack.com/reference/block-kit/blocks).
   */
  static final int MESSAGE_BLOCKS_MAX = 50;

  static final int VIEW_BLOCKS_MAX = 100;

  /**
   * Error for blocks past these limits from chat.*
   * (https://api.slack.com/methods/chat.postMessage#errors).
   */
  static final String MESSAGE_BLOCKS_ERROR = "invalid_blocks";

  /**
   * Error for a view past these limits from views.*
   * (https://api.slack.com/methods/views.open#errors).
   */
  static final String VIEW_BLOCKS_ERROR = "invalid_arguments";

  /** What Slack would reject in {@code blocks}, or empty if it keeps within the limits above. */
  static Optional<String> blocksProblem(JsonArray blocks, int maxBlocks) {
    if (blocks.size() > maxBlocks) {
      return Optional.of(blocks.size() + " blocks, more than " + maxBlocks);
    }
    return problemIn(blocks);
  }

  private static Optional<String> problemIn(JsonElement element) {
    if (element.isJsonArray()) {
      for (JsonElement e : element.getAsJsonArray()) {
        Optional<String> p = problemIn(e);
        if (p.isPresent()) {
          return p;
        }
      }
      return Optional.empty();
    }
    if (!element.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject o = element.getAsJsonObject();
    String type =
        o.has("type") && o.get("type").isJsonPrimitive() ? o.get("type").getAsString() : "";
    if (type.equals("section") && textLength(o) > SECTION_TEXT_MAX) {
      return Optional.of("section text over " + SECTION_TEXT_MAX + " characters");
    }
    if ((type.equals("mrkdwn") || type.equals("plain_text"))
        && o.has("text")
        && o.get("text").isJsonPrimitive()
        && o.get("text").getAsString().length() > TEXT_OBJECT_MAX) {
      return Optional.of("text object over " + TEXT_OBJECT_MAX + " characters");
    }
    if (type.equals("context")
        && o.has("elements")
        && o.get("elements").isJsonArray()
        && o.getAsJsonArray("elements").size() > CONTEXT_ELEMENTS_MAX) {
      return Optional.of("context with more than " + CONTEXT_ELEMENTS_MAX + " elements");
    }
    if (type.equals("button")) {
      if (textLength(o) > BUTTON_TEXT_MAX) {
        return Optional.of("button text over " + BUTTON_TEXT_MAX + " characters");
      }
      if (o.has("value") && o.get("value").getAsString().length() > BUTTON_VALUE_MAX) {
        return Optional.of("button value over " + BUTTON_VALUE_MAX + " characters");
      }
    }
    Optional<String> issue = elementProblem(type, o);
    if (issue.isPresent()) {
      return issue;
    }
    for (var entry : o.entrySet()) {
      Optional<String> p = problemIn(entry.getValue());
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /**
   * A select holds at most 100 options, flat or across its groups, each option's text at most 75
   * characters, and its initial option must be one of them
   * (https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element/,
   * https://docs.slack.dev/reference/block-kit/composition-objects/option-object/). A number input
   * must say whether decimals are allowed, and a time picker's initial time is {@code HH:mm}
   * (https://docs.slack.dev/reference/block-kit/block-elements/number-input-element/,
   * https://docs.slack.dev/reference/block-kit/block-elements/time-picker-element/).
   */
  private static Optional<String> elementProblem(String type, JsonObject o) {
    if (type.equals("static_select") || type.equals("radio_buttons")) {
      JsonArray options = new JsonArray();
      if (o.has("options") && o.get("options").isJsonArray()) {
        options.addAll(o.getAsJsonArray("options"));
      }
      if (o.has("option_groups") && o.get("option_groups").isJsonArray()) {
        for (JsonElement g : o.getAsJsonArray("option_groups")) {
          if (g.isJsonObject() && g.getAsJsonObject().has("options")) {
            options.addAll(g.getAsJsonObject().getAsJsonArray("options"));
          }
        }
      }
      if (options.size() > SELECT_OPTIONS_MAX) {
        return Optional.of(type + " with more than " + SELECT_OPTIONS_MAX + " options");
      }
      for (JsonElement option : options) {
        if (option.isJsonObject() && textLength(option.getAsJsonObject()) > OPTION_TEXT_MAX) {
          return Optional.of("option text over " + OPTION_TEXT_MAX + " characters");
        }
      }
      if (o.has("initial_option") && !options.contains(o.get("initial_option"))) {
        return Optional.of(type + " whose initial_option is not one of its options");
      }
    }
    if (type.equals("number_input") && !o.has("is_decimal_allowed")) {
      return Optional.of("number_input without is_decimal_allowed");
    }
    if (type.equals("timepicker")
        && o.has("initial_time")
        && !o.get("initial_time").getAsString().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
      return Optional.of("timepicker initial_time not in HH:mm");
    }
    return Optional.empty();
  }

  static final int SELECT_OPTIONS_MAX = 100;

  static final int OPTION_TEXT_MAX = 75;

  private static int textLength(JsonObject o) {
    if (!o.has("text") || !o.get("text").isJsonObject()) {
      return 0;
    }
    JsonObject text = o.getAsJsonObject("text");
    return text.has("text") ? text.get("text").getAsString().length() : 0;
  }

  /**
   * A token Slack does not accept (mistyped, revoked, of an uninstalled app) gets HTTP 200 with
   * {@code {"ok":false,"error":"invalid_auth"}} from every Web API method, {@code auth.test}
   * included. Source: https://api.slack.com/methods/auth.test, Errors: "invalid_auth — Some aspect
   * of authentication cannot be validated. Either the provided token is invalid or the request
   * originates from an IP address disallowed from making the request."
   */
  static final class RefusedTokens {
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** From now on {@code token} is one Slack does not know. */
    void refuse(String token) {
      refused.add(token);
    }

    /** Slack's answer to a call made with {@code token}, when Slack refuses it. */
    Optional<JsonObject> answer(String token) {
      return token != null && refused.contains(token)
          ? Optional.of(WebApi.error("invalid_auth"))
          : Optional.empty();
    }
  }
}
