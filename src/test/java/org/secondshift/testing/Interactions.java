package org.secondshift.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Interactivity payloads as Slack posts them (the {@code payload} form field). */
public final class Interactions {
  private Interactions() {}

  /** The value of the first button in block {@code block} of a command's answer. */
  public static String buttonValue(JsonObject answer, int block) {
    return answer
        .getAsJsonArray("blocks")
        .get(block)
        .getAsJsonObject()
        .getAsJsonArray("elements")
        .get(0)
        .getAsJsonObject()
        .get("value")
        .getAsString();
  }

  /**
   * A button click in a message, by {@code userId}, with a stand-in's {@code responseUrl} and the
   * {@code triggerId} it minted for the click ({@code SlackStandIn.mintTrigger}).
   */
  public static String buttonClick(
      String userId,
      String triggerId,
      String channelId,
      String messageTs,
      String actionId,
      String value,
      boolean ephemeral,
      String responseUrl) {
    JsonObject p = new JsonObject();
    p.addProperty("type", "block_actions");
    p.add("team", id(Envelopes.TEAM));
    p.add("user", id(userId));
    p.addProperty("api_app_id", "A0SANDBOX");
    p.addProperty("token", "legacy-unused");
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", messageTs);
    container.addProperty("channel_id", channelId);
    container.addProperty("is_ephemeral", ephemeral);
    p.add("container", container);
    p.addProperty("trigger_id", triggerId);
    p.add("channel", id(channelId));
    p.addProperty("response_url", responseUrl);
    JsonObject action = new JsonObject();
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "b1");
    action.addProperty("type", "button");
    action.addProperty("value", value);
    action.addProperty("action_ts", messageTs);
    JsonArray actions = new JsonArray();
    actions.add(action);
    p.add("actions", actions);
    return p.toString();
  }

  private static JsonObject id(String id) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    return o;
  }

  /**
   * A modal submitted by {@code userId}, its state as Slack sends it: each field's block and action
   * id are the same, and {@code fields} gives the value object per field (see {@link #time}, {@link
   * #number}, {@link #picked}).
   */
  public static String viewSubmission(
      String userId,
      String triggerId,
      String callbackId,
      java.util.Map<String, JsonObject> fields) {
    JsonObject values = new JsonObject();
    fields.forEach(
        (id, v) -> {
          JsonObject block = new JsonObject();
          block.add(id, v);
          values.add(id, block);
        });
    JsonObject state = new JsonObject();
    state.add("values", values);
    JsonObject view = new JsonObject();
    view.addProperty("id", "V0SETTINGS");
    view.addProperty("type", "modal");
    view.addProperty("callback_id", callbackId);
    view.add("state", state);
    view.addProperty("hash", "1.abc");
    JsonObject p = new JsonObject();
    p.addProperty("type", "view_submission");
    p.add("team", id(Envelopes.TEAM));
    p.add("user", id(userId));
    p.addProperty("api_app_id", "A0SANDBOX");
    p.addProperty("token", "legacy-unused");
    p.addProperty("trigger_id", triggerId);
    p.add("view", view);
    return p.toString();
  }

  /** A timepicker's state: {@code {"type":"timepicker","selected_time":"22:30"}}. */
  public static JsonObject time(String hhmm) {
    JsonObject v = new JsonObject();
    v.addProperty("type", "timepicker");
    v.addProperty("selected_time", hhmm);
    return v;
  }

  /** A number input's state; Slack sends the number as typed, as a string. */
  public static JsonObject number(String typed) {
    JsonObject v = new JsonObject();
    v.addProperty("type", "number_input");
    v.addProperty("value", typed);
    return v;
  }

  /** A static select's or radio buttons' state with the option of {@code value} picked. */
  public static JsonObject picked(String type, String value) {
    JsonObject option = new JsonObject();
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", value);
    option.add("text", text);
    option.addProperty("value", value);
    JsonObject v = new JsonObject();
    v.addProperty("type", type);
    v.add("selected_option", option);
    return v;
  }
}
