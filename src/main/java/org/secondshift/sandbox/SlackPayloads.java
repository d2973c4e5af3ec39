package org.secondshift.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Request bodies shaped the way Slack sends them: event envelopes, slash commands, interactions.
 */
final class SlackPayloads {
  private final Clock clock;
  private final Function<String, String> triggers;
  private final AtomicLong sequence = new AtomicLong();

  /**
   * {@code triggers} hands out a trigger id for a person's click or command, as {@link
   * SlackStandIn#mintTrigger} does, so that the modal it opens is the person's and opens only
   * within Slack's window.
   */
  SlackPayloads(Clock clock, Function<String, String> triggers) {
    this.clock = clock;
    this.triggers = triggers;
  }

  /** An Events API {@code event_callback} around {@code event}. */
  String envelope(JsonObject event) {
    long now = clock.instant().getEpochSecond();
    JsonObject auth = new JsonObject();
    auth.addProperty("team_id", TeamDirectory.TEAM_ID);
    auth.addProperty("user_id", TeamDirectory.BOT_USER_ID);
    auth.addProperty("is_bot", true);
    auth.addProperty("is_enterprise_install", false);
    JsonArray authorizations = new JsonArray();
    authorizations.add(auth);
    JsonObject envelope = new JsonObject();
    envelope.addProperty("token", "sandbox-verification-token");
    envelope.addProperty("team_id", TeamDirectory.TEAM_ID);
    envelope.addProperty("api_app_id", TeamDirectory.APP_ID);
    envelope.add("event", event);
    envelope.addProperty("type", "event_callback");
    envelope.addProperty("event_id", "Ev0SANDBOX" + now + "x" + sequence.incrementAndGet());
    envelope.addProperty("event_time", now);
    envelope.add("authorizations", authorizations);
    envelope.addProperty("is_ext_shared_channel", false);
    return envelope.toString();
  }

  /** A {@code message} event for a message a person just posted. */
  String message(PostedMessage posted) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("channel", posted.channel());
    event.addProperty("user", posted.user());
    event.addProperty("text", posted.text());
    event.addProperty("ts", posted.ts());
    event.addProperty("event_ts", posted.ts());
    event.addProperty("team", TeamDirectory.TEAM_ID);
    event.addProperty("channel_type", posted.channel().startsWith("D") ? "im" : "channel");
    return envelope(event);
  }

  /** {@code app_home_opened} for the Home tab. */
  String homeOpened(String userId, String currentView) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", userId);
    event.addProperty("channel", "D" + userId);
    event.addProperty("tab", "home");
    event.addProperty("event_ts", eventTs());
    if (currentView != null) {
      event.add("view", com.google.gson.JsonParser.parseString(currentView));
    }
    return envelope(event);
  }

  /** The form body of a slash command. */
  String command(
      SandboxUser user,
      String channelId,
      String channelName,
      String command,
      String text,
      String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "sandbox-verification-token");
    form.put("team_id", TeamDirectory.TEAM_ID);
    form.put("team_domain", "sandbox");
    form.put("channel_id", channelId);
    form.put("channel_name", channelName);
    form.put("user_id", user.id());
    form.put("user_name", user.name());
    form.put("command", command);
    form.put("text", text);
    form.put("api_app_id", TeamDirectory.APP_ID);
    form.put("is_enterprise_install", "false");
    form.put("response_url", responseUrl);
    form.put("trigger_id", triggers.apply(user.id()));
    return form(form);
  }

  /** A {@code block_actions} payload for a click inside a message or a view. */
  String blockActions(
      SandboxUser user,
      JsonObject container,
      JsonObject source,
      JsonObject action,
      String responseUrl) {
    JsonObject payload = interaction("block_actions", user);
    payload.add("container", container);
    if (container.has("channel_id")) {
      JsonObject channel = new JsonObject();
      channel.addProperty("id", container.get("channel_id").getAsString());
      payload.add("channel", channel);
      payload.add("message", source);
      payload.addProperty("response_url", responseUrl);
    } else {
      payload.add("view", source);
    }
    action.addProperty("action_ts", eventTs());
    JsonArray actions = new JsonArray();
    actions.add(action);
    payload.add("actions", actions);
    return form(Map.of("payload", payload.toString()));
  }

  /** A {@code view_submission} of a modal with its current state. */
  String viewSubmission(SandboxUser user, JsonObject view) {
    JsonObject payload = interaction("view_submission", user);
    payload.add("view", view);
    payload.add("response_urls", new JsonArray());
    return form(Map.of("payload", payload.toString()));
  }

  /** A {@code view_closed} when a person cancels a modal that asked to hear about it. */
  String viewClosed(SandboxUser user, JsonObject view) {
    JsonObject payload = interaction("view_closed", user);
    payload.add("view", view);
    payload.addProperty("is_cleared", false);
    return form(Map.of("payload", payload.toString()));
  }

  private JsonObject interaction(String type, SandboxUser user) {
    JsonObject team = new JsonObject();
    team.addProperty("id", TeamDirectory.TEAM_ID);
    team.addProperty("domain", "sandbox");
    JsonObject who = new JsonObject();
    who.addProperty("id", user.id());
    who.addProperty("username", user.name());
    who.addProperty("name", user.name());
    who.addProperty("team_id", TeamDirectory.TEAM_ID);
    JsonObject payload = new JsonObject();
    payload.addProperty("type", type);
    payload.add("team", team);
    payload.add("user", who);
    payload.addProperty("api_app_id", TeamDirectory.APP_ID);
    payload.addProperty("token", "sandbox-verification-token");
    payload.addProperty("trigger_id", triggers.apply(user.id()));
    payload.addProperty("is_enterprise_install", false);
    return payload;
  }

  private String eventTs() {
    long micros = clock.instant().toEpochMilli() * 1000 + sequence.incrementAndGet() % 1000;
    return "%d.%06d".formatted(micros / 1_000_000, micros % 1_000_000);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
