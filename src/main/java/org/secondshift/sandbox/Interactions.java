package org.secondshift.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * Turns what a person does on the page into the signed request Slack would send, and reads the
 * answer.
 */
final class Interactions {
  /** The one slash command the app's manifest declares. */
  static final String SHIFT = "/shift";

  /** Shows a command's answer, or Slack's error when its blocks break Slack's limits. */
  private void showAnswer(String channel, SandboxUser user, String command, JsonObject reply) {
    String blocks = reply.has("blocks") ? reply.get("blocks").toString() : null;
    if (blocks != null && SlackStandIn.blocksProblem(blocks, false).isPresent()) {
      workspace.addSlackNotice(
          channel,
          user.id(),
          command + " failed with the error \"" + SlackRules.RESPONSE_BLOCKS_ERROR + "\"");
      return;
    }
    workspace.addEphemeral(
        channel, user.id(), reply.has("text") ? reply.get("text").getAsString() : "", blocks);
  }

  private final Workspace workspace;
  private final SlackPayloads payloads;
  private final SlackDelivery delivery;

  Interactions(Workspace workspace, SlackPayloads payloads, SlackDelivery delivery) {
    this.workspace = workspace;
    this.payloads = payloads;
    this.delivery = delivery;
  }

  /** A person posts in a channel or in their DM with the bot. */
  JsonObject message(int port, JsonObject in) {
    SandboxUser user = user(in);
    String text = field(in, "text");
    String channel = field(in, "channel");
    PostedMessage posted = workspace.slack().postAs(channel, user.id(), text, null);
    boolean heard = SlackRules.sendsMessageEvent(channel, workspace.slack().botIsIn(channel));
    SlackDelivery.Answer answer =
        heard
            ? delivery.deliver(port, SlackDelivery.JSON, payloads.message(posted))
            : new SlackDelivery.Answer(200, "");
    JsonObject out = result(answer);
    out.addProperty("ts", posted.ts());
    out.addProperty("delivered", heard);
    return out;
  }

  /** {@code /shift ...} typed in the composer; the acknowledgement becomes an ephemeral reply. */
  JsonObject command(int port, JsonObject in) {
    SandboxUser user = user(in);
    String channel = field(in, "channel");
    String typed = field(in, "text").trim();
    int space = typed.indexOf(' ');
    String command = space < 0 ? typed : typed.substring(0, space);
    String text = space < 0 ? "" : typed.substring(space + 1).trim();
    if (command.equals("/invite")) {
      return invite(user, channel, text);
    }
    if (!command.equals(SHIFT)) {
      // Slack answers a command no app in the workspace provides itself; nothing reaches the bot.
      workspace.addSlackNotice(
          channel,
          user.id(),
          "`"
              + command
              + "` is not a valid command. In Slack, a message that starts with \"/\" is read as"
              + " a command; to send it as a message, start it with a space.");
      return result(new SlackDelivery.Answer(200, ""));
    }
    String responseUrl = workspace.slack().responseUrl(channel, user.id(), null);
    String channelName =
        SlackRules.commandChannelName(channel, workspace.slack().channelName(channel));
    SlackDelivery.Answer answer =
        delivery.deliver(
            port,
            SlackDelivery.FORM,
            payloads.command(user, channel, channelName, command, text, responseUrl));
    JsonObject out = result(answer);
    if (answer.status() != 200) {
      workspace.addSlackNotice(
          channel,
          user.id(),
          command + " failed with the error \"dispatch_failed\" (HTTP " + answer.status() + ")");
      return out;
    }
    json(answer.body())
        .filter(JsonElement::isJsonObject)
        .map(JsonElement::getAsJsonObject)
        .ifPresent(reply -> showAnswer(channel, user, command, reply));
    return out;
  }

  /**
   * Slack's own {@code /invite}, which never reaches an app: in the sandbox it adds the bot to the
   * channel, and Slack's notice of that appears in the channel.
   */
  private JsonObject invite(SandboxUser user, String channel, String text) {
    String bot = workspace.slack().botUserId();
    boolean namesBot =
        text.contains("<@" + bot)
            || text.toLowerCase(java.util.Locale.ROOT).replace("-", " ").contains("second shift");
    String refusal =
        workspace.slack().channelName(channel).isEmpty()
            ? "You can only invite people to a channel, not to a direct message."
            : !namesBot ? "In the sandbox, /invite adds the bot: `/invite @Second Shift`." : null;
    if (refusal != null) {
      workspace.addSlackNotice(channel, user.id(), refusal);
    } else if (!workspace.slack().botIsIn(channel)) {
      workspace.slack().invite(channel, bot);
      workspace
          .slack()
          .postAs(channel, bot, "joined the channel, added by " + user.name() + ".", null);
    }
    return result(new SlackDelivery.Answer(200, ""));
  }

  /** A click on a button or a choice in a menu, inside a message or a view. */
  JsonObject action(int port, JsonObject in) {
    SandboxUser user = user(in);
    JsonObject element = in.getAsJsonObject("element");
    if (element == null) {
      throw new IllegalArgumentException("element is required");
    }
    JsonObject action = new JsonObject();
    action.addProperty("type", element.get("type").getAsString());
    copy(element, action, "action_id", "text", "value", "style");
    action.addProperty("block_id", in.has("blockId") ? in.get("blockId").getAsString() : "");
    if (in.has("selected")) {
      action.add("selected_option", in.get("selected"));
    }
    JsonObject container = new JsonObject();
    JsonObject source;
    String responseUrl = null;
    if (in.has("viewId")) {
      String viewId = field(in, "viewId");
      container.addProperty("type", "view");
      container.addProperty("view_id", viewId);
      source =
          workspace
              .slack()
              .view(viewId)
              .flatMap(Interactions::json)
              .map(JsonElement::getAsJsonObject)
              .orElseThrow(() -> new IllegalArgumentException("no view " + viewId));
    } else {
      String channel = field(in, "channel");
      String ts = field(in, "ts");
      Optional<Ephemeral> ephemeral = workspace.ephemeral(channel, user.id(), ts);
      container.addProperty("type", "message");
      container.addProperty("message_ts", ts);
      container.addProperty("channel_id", channel);
      container.addProperty("is_ephemeral", ephemeral.isPresent());
      source = ephemeral.map(Interactions::ephemeralJson).orElseGet(() -> messageJson(channel, ts));
      // Slack ties the URL to the ephemeral the click came from, so the bot can replace it.
      responseUrl =
          workspace
              .slack()
              .responseUrl(channel, user.id(), ephemeral.map(Ephemeral::ts).orElse(null));
    }
    return result(
        delivery.deliver(
            port,
            SlackDelivery.FORM,
            payloads.blockActions(user, container, source, action, responseUrl)));
  }

  /** The person opens the bot's Home tab. */
  JsonObject openHome(int port, JsonObject in) {
    SandboxUser user = user(in);
    String current = workspace.slack().homeView(user.id()).orElse(null);
    return result(
        delivery.deliver(port, SlackDelivery.JSON, payloads.homeOpened(user.id(), current)));
  }

  /** The person submits a modal with the values they entered. */
  JsonObject submit(int port, JsonObject in) {
    SandboxUser user = user(in);
    String viewId = field(in, "viewId");
    JsonObject view = view(viewId);
    JsonObject state = new JsonObject();
    state.add("values", in.has("values") ? in.get("values") : new JsonObject());
    view.add("state", state);
    SlackDelivery.Answer answer =
        delivery.deliver(port, SlackDelivery.FORM, payloads.viewSubmission(user, view));
    JsonObject out = result(answer);
    Optional<JsonObject> ack =
        json(answer.body()).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
    boolean errors =
        ack.map(
                a ->
                    a.has("response_action")
                        && "errors".equals(a.get("response_action").getAsString()))
            .orElse(false);
    if (errors) {
      out.add("errors", ack.get().get("errors"));
    } else if (answer.status() == 200) {
      workspace.closeModal(viewId);
    }
    return out;
  }

  /** The person cancels a modal; the bot hears of it only when the view asked to. */
  JsonObject close(int port, JsonObject in) {
    SandboxUser user = user(in);
    String viewId = field(in, "viewId");
    JsonObject view = view(viewId);
    workspace.closeModal(viewId);
    if (view.has("notify_on_close") && view.get("notify_on_close").getAsBoolean()) {
      return result(delivery.deliver(port, SlackDelivery.FORM, payloads.viewClosed(user, view)));
    }
    return result(new SlackDelivery.Answer(200, ""));
  }

  private static JsonObject ephemeralJson(Ephemeral e) {
    JsonObject json = new JsonObject();
    json.addProperty("type", "message");
    json.addProperty("bot_id", TeamDirectory.BOT_ID);
    json.addProperty("text", e.text());
    json.addProperty("ts", e.ts());
    json(e.blocksJson()).ifPresent(blocks -> json.add("blocks", blocks));
    return json;
  }

  private JsonObject messageJson(String channel, String ts) {
    PostedMessage m =
        workspace.slack().messages(channel).stream()
            .filter(p -> p.ts().equals(ts))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no message " + ts + " in " + channel));
    JsonObject json = new JsonObject();
    json.addProperty("type", "message");
    json.addProperty("user", m.user());
    if (m.fromBot()) {
      json.addProperty("bot_id", TeamDirectory.BOT_ID);
    }
    json.addProperty("text", m.text() == null ? "" : m.text());
    json.addProperty("ts", m.ts());
    json(m.blocksJson()).ifPresent(blocks -> json.add("blocks", blocks));
    return json;
  }

  private JsonObject view(String viewId) {
    return workspace
        .slack()
        .view(viewId)
        .flatMap(Interactions::json)
        .filter(JsonElement::isJsonObject)
        .map(JsonElement::getAsJsonObject)
        .orElseThrow(() -> new IllegalArgumentException("no view " + viewId));
  }

  private SandboxUser user(JsonObject in) {
    String id = field(in, "user");
    return workspace
        .person(id)
        .orElseThrow(() -> new IllegalArgumentException("no teammate " + id));
  }

  private static String field(JsonObject in, String name) {
    JsonElement value = in.get(name);
    if (value == null || value.isJsonNull() || value.getAsString().isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value.getAsString();
  }

  private static void copy(JsonObject from, JsonObject to, String... names) {
    for (String name : names) {
      if (from.has(name)) {
        to.add(name, from.get(name));
      }
    }
  }

  private static JsonObject result(SlackDelivery.Answer answer) {
    JsonObject out = new JsonObject();
    out.addProperty("status", answer.status());
    out.addProperty("body", answer.body());
    return out;
  }

  private static Optional<JsonElement> json(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonParser.parseString(text));
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }
}
