package org.secondshift.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** The slice of Slack's Web API methods the bot uses, answered from the in-memory workspace. */
final class WebApi {
  private final Clock clock;
  private final TeamDirectory directory;
  private final ChannelDirectory channels;
  private final MessageStore messages;
  private final ViewStore views;
  private final TriggerIds triggers;
  private final FileStore files;
  private final OAuthApps oauth;
  private final String httpBaseUrl;
  private final String socketUrl;
  private final AtomicInteger tickets = new AtomicInteger();
  private final Map<String, Function<ApiCall, JsonObject>> methods;

  WebApi(
      Clock clock,
      TeamDirectory directory,
      ChannelDirectory channels,
      MessageStore messages,
      ViewStore views,
      TriggerIds triggers,
      FileStore files,
      OAuthApps oauth,
      String httpBaseUrl,
      String socketUrl) {
    this.oauth = oauth;
    this.clock = clock;
    this.directory = directory;
    this.channels = channels;
    this.messages = messages;
    this.views = views;
    this.triggers = triggers;
    this.files = files;
    this.httpBaseUrl = httpBaseUrl;
    this.socketUrl = socketUrl;
    this.methods =
        Map.ofEntries(
            Map.entry("auth.test", this::authTest),
            Map.entry("bots.info", this::botsInfo),
            Map.entry("users.info", this::usersInfo),
            Map.entry("conversations.open", this::conversationsOpen),
            Map.entry("conversations.info", this::conversationsInfo),
            Map.entry("chat.postMessage", this::chatPostMessage),
            Map.entry("chat.postEphemeral", this::chatPostEphemeral),
            Map.entry("chat.update", this::chatUpdate),
            Map.entry("views.publish", this::viewsPublish),
            Map.entry("views.open", this::viewsOpen),
            Map.entry("views.update", this::viewsUpdate),
            Map.entry("dnd.info", this::dndInfo),
            Map.entry("files.getUploadURLExternal", this::filesGetUploadUrlExternal),
            Map.entry("files.completeUploadExternal", this::filesCompleteUploadExternal),
            Map.entry("apps.connections.open", this::appsConnectionsOpen));
  }

  static JsonObject error(String error) {
    JsonObject body = new JsonObject();
    body.addProperty("ok", false);
    body.addProperty("error", error);
    return body;
  }

  JsonObject answer(ApiCall call) {
    Optional<String> rejected = rejectedBlocks(call);
    if (rejected.isPresent()) {
      return error(rejected.get());
    }
    return methods.getOrDefault(call.method(), c -> error("unknown_method")).apply(call);
  }

  /** Slack checks Block Kit limits before anything else (see {@link SlackRules}). */
  private static Optional<String> rejectedBlocks(ApiCall call) {
    if (call.method().startsWith("chat.") && call.param("blocks") != null) {
      return parseJson(call.param("blocks"))
          .filter(JsonElement::isJsonArray)
          .flatMap(b -> SlackRules.blocksProblem(b.getAsJsonArray(), SlackRules.MESSAGE_BLOCKS_MAX))
          .map(p -> SlackRules.MESSAGE_BLOCKS_ERROR);
    }
    if (call.method().startsWith("views.") && call.param("view") != null) {
      return parseJson(call.param("view"))
          .filter(v -> v.isJsonObject() && v.getAsJsonObject().has("blocks"))
          .map(v -> v.getAsJsonObject().get("blocks"))
          .filter(JsonElement::isJsonArray)
          .flatMap(b -> SlackRules.blocksProblem(b.getAsJsonArray(), SlackRules.VIEW_BLOCKS_MAX))
          .map(p -> SlackRules.VIEW_BLOCKS_ERROR);
    }
    return Optional.empty();
  }

  static JsonObject ok() {
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    return body;
  }

  private JsonObject authTest(ApiCall call) {
    // A token from the OAuth flow acts in the workspace it was issued for.
    String team = oauth.teamOf(call.token()).orElse(TeamDirectory.TEAM_ID);
    boolean own = team.equals(TeamDirectory.TEAM_ID);
    JsonObject body = ok();
    body.addProperty("url", "https://sandbox.slack.com/");
    body.addProperty("team", oauth.teamName(team).orElse(own ? TeamDirectory.TEAM_NAME : team));
    body.addProperty("user", TeamDirectory.BOT_NAME);
    body.addProperty("team_id", team);
    body.addProperty("user_id", TeamDirectory.botUserIdOf(team));
    body.addProperty("bot_id", own ? TeamDirectory.BOT_ID : "B0" + team);
    body.addProperty("is_enterprise_install", false);
    return body;
  }

  private JsonObject botsInfo(ApiCall call) {
    String botId = call.param("bot");
    if (botId != null && !botId.equals(TeamDirectory.BOT_ID)) {
      return error("bot_not_found");
    }
    JsonObject bot = new JsonObject();
    bot.addProperty("id", TeamDirectory.BOT_ID);
    bot.addProperty("user_id", TeamDirectory.BOT_USER_ID);
    bot.addProperty("name", TeamDirectory.BOT_NAME);
    bot.addProperty("app_id", TeamDirectory.APP_ID);
    bot.addProperty("deleted", false);
    JsonObject body = ok();
    body.add("bot", bot);
    return body;
  }

  private JsonObject usersInfo(ApiCall call) {
    return directory
        .user(call.param("user"))
        .map(
            user -> {
              JsonObject body = ok();
              body.add("user", userJson(user));
              return body;
            })
        .orElseGet(() -> error("user_not_found"));
  }

  private JsonObject userJson(SandboxUser user) {
    Instant now = clock.instant();
    ZoneRules rules = user.zone().getRules();
    JsonObject profile = new JsonObject();
    profile.addProperty("real_name", user.name());
    profile.addProperty("display_name", user.name());
    JsonObject json = new JsonObject();
    json.addProperty("id", user.id());
    json.addProperty("team_id", TeamDirectory.TEAM_ID);
    json.addProperty("name", user.name());
    json.addProperty("real_name", user.name());
    json.addProperty("tz", user.zone().getId());
    json.addProperty("tz_label", zoneLabel(user.zone(), rules.isDaylightSavings(now)));
    json.addProperty("tz_offset", rules.getOffset(now).getTotalSeconds());
    json.addProperty("is_bot", user.bot());
    json.addProperty("deleted", false);
    json.add("profile", profile);
    return json;
  }

  private static String zoneLabel(ZoneId zone, boolean daylight) {
    return TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.LONG, Locale.US);
  }

  private JsonObject conversationsOpen(ApiCall call) {
    String channelId = call.param("channel");
    String users = call.param("users");
    if (channelId == null && users == null) {
      return error("users_list_not_supplied");
    }
    String id = channelId != null ? channelId : dmChannel(users.split(",")[0].trim());
    JsonObject channel = new JsonObject();
    channel.addProperty("id", id);
    JsonObject body = ok();
    body.add("channel", channel);
    return body;
  }

  /** Slack delivers a post addressed to a user id into the bot's DM with that user. */
  private static String dmChannel(String channelOrUser) {
    return channelOrUser.startsWith("U") || channelOrUser.startsWith("W")
        ? "D" + channelOrUser
        : channelOrUser;
  }

  private JsonObject conversationsInfo(ApiCall call) {
    return SlackRules.conversationInfo(channels, directory, call.param("channel"));
  }

  private JsonObject chatPostMessage(ApiCall call) {
    String channel = call.param("channel");
    Optional<String> refused = SlackRules.postingError(channels, channel);
    if (refused.isPresent()) {
      return error(refused.get());
    }
    if (call.param("text") == null && call.param("blocks") == null) {
      return error("no_text");
    }
    PostedMessage posted =
        messages.post(
            dmChannel(channel), call.param("text"), call.param("blocks"), call.param("thread_ts"));
    JsonObject body = ok();
    body.addProperty("channel", posted.channel());
    body.addProperty("ts", posted.ts());
    body.add("message", messageJson(posted));
    return body;
  }

  private JsonObject messageJson(PostedMessage message) {
    JsonObject json = new JsonObject();
    json.addProperty("type", "message");
    json.addProperty("user", TeamDirectory.BOT_USER_ID);
    json.addProperty("bot_id", TeamDirectory.BOT_ID);
    json.addProperty("app_id", TeamDirectory.APP_ID);
    json.addProperty("team", TeamDirectory.TEAM_ID);
    json.addProperty("text", message.text() == null ? "" : message.text());
    json.addProperty("ts", message.ts());
    if (message.threadTs() != null) {
      json.addProperty("thread_ts", message.threadTs());
    }
    parseJson(message.blocksJson()).ifPresent(blocks -> json.add("blocks", blocks));
    return json;
  }

  private JsonObject chatPostEphemeral(ApiCall call) {
    if (call.param("channel") == null || call.param("user") == null) {
      return error(call.param("channel") == null ? "channel_not_found" : "user_not_in_channel");
    }
    JsonObject body = ok();
    body.addProperty("message_ts", messages.nextTs());
    return body;
  }

  private JsonObject chatUpdate(ApiCall call) {
    String channel = call.param("channel");
    return messages
        .update(channel, call.param("ts"), call.param("text"), call.param("blocks"))
        .map(
            updated -> {
              JsonObject body = ok();
              body.addProperty("channel", updated.channel());
              body.addProperty("ts", updated.ts());
              body.addProperty("text", updated.text() == null ? "" : updated.text());
              body.add("message", messageJson(updated));
              return body;
            })
        .orElseGet(() -> error("message_not_found"));
  }

  private JsonObject viewsPublish(ApiCall call) {
    String userId = call.param("user_id");
    Optional<JsonObject> view = parseObject(call.param("view"));
    if (userId == null || view.isEmpty()) {
      return error("invalid_arguments");
    }
    return withView(views.publishHome(userId, view.get()));
  }

  private JsonObject viewsOpen(ApiCall call) {
    Optional<JsonObject> view = parseObject(call.param("view"));
    String trigger =
        call.param("trigger_id") != null
            ? call.param("trigger_id")
            : call.param("interactivity_pointer");
    if (trigger == null || view.isEmpty()) {
      return error("invalid_arguments");
    }
    Optional<String> refused = triggers.exchange(trigger);
    if (refused.isPresent()) {
      return error(refused.get());
    }
    return withView(views.open(view.get(), trigger));
  }

  private JsonObject viewsUpdate(ApiCall call) {
    Optional<JsonObject> view = parseObject(call.param("view"));
    String viewId = call.param("view_id");
    if (view.isEmpty() || viewId == null) {
      return error("invalid_arguments");
    }
    return views
        .replace(viewId, view.get())
        .map(WebApi::withView)
        .orElseGet(() -> error("not_found"));
  }

  private static JsonObject withView(JsonObject view) {
    JsonObject body = ok();
    body.add("view", view);
    return body;
  }

  private JsonObject dndInfo(ApiCall call) {
    String userId = call.param("user") == null ? TeamDirectory.BOT_USER_ID : call.param("user");
    if (directory.user(userId).isEmpty()) {
      return error("user_not_found");
    }
    return SlackRules.dndInfo(
        directory.inDnd(userId),
        clock.instant().getEpochSecond(),
        SlackRules.asksAboutThemself(call.token(), call.param("user")));
  }

  private JsonObject filesGetUploadUrlExternal(ApiCall call) {
    String filename = call.param("filename");
    String length = call.param("length");
    if (filename == null || length == null || !length.matches("\\d+")) {
      return error("invalid_arguments");
    }
    UploadedFile file = files.announce(filename);
    JsonObject body = ok();
    body.addProperty("upload_url", httpBaseUrl + "upload/" + file.fileId());
    body.addProperty("file_id", file.fileId());
    return body;
  }

  private JsonObject filesCompleteUploadExternal(ApiCall call) {
    Optional<JsonArray> requested =
        parseJson(call.param("files"))
            .filter(JsonElement::isJsonArray)
            .map(JsonElement::getAsJsonArray);
    if (requested.isEmpty() || requested.get().isEmpty()) {
      return error("invalid_arguments");
    }
    for (JsonElement each : requested.get()) {
      if (!each.isJsonObject() || !files.isReceived(stringField(each.getAsJsonObject(), "id"))) {
        return error("file_not_found");
      }
    }
    String channel = call.param("channel_id");
    if (channel == null && call.param("channels") != null) {
      channel = call.param("channels").split(",")[0].trim();
    }
    Optional<String> refused = SlackRules.sharingError(channels, channel);
    if (refused.isPresent()) {
      return error(refused.get());
    }
    JsonArray completed = new JsonArray();
    for (JsonElement each : requested.get()) {
      completed.add(complete(each.getAsJsonObject(), channel, call.param("initial_comment")));
    }
    JsonObject body = ok();
    body.add("files", completed);
    return body;
  }

  private JsonObject complete(JsonObject request, String channel, String comment) {
    UploadedFile file =
        files
            .complete(
                stringField(request, "id"),
                channel,
                stringField(request, "title"),
                comment,
                messages.nextTs())
            .orElseThrow();
    JsonObject json = new JsonObject();
    json.addProperty("id", file.fileId());
    json.addProperty("name", file.filename());
    json.addProperty("title", file.title());
    json.addProperty("size", file.bytes().length);
    return json;
  }

  private JsonObject appsConnectionsOpen(ApiCall call) {
    JsonObject body = ok();
    body.addProperty("url", socketUrl + "?ticket=sandbox-" + tickets.incrementAndGet());
    return body;
  }

  private static String stringField(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static Optional<JsonObject> parseObject(String json) {
    return parseJson(json).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
  }

  private static Optional<JsonElement> parseJson(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonParser.parseString(json));
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }
}
