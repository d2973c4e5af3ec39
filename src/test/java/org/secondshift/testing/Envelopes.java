package org.secondshift.testing;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Realistic Events API envelopes for behaviour tests. */
public final class Envelopes {
  /** What every message envelope says: text the bot must never store or log. */
  public static final String MESSAGE_TEXT = "a secret the bot must never keep";

  public static final String TEAM = "T0SANDBOX";
  private final AtomicLong ids;
  private final String team;

  public Envelopes() {
    this(new AtomicLong(1000), TEAM);
  }

  private Envelopes(AtomicLong ids, String team) {
    this.ids = ids;
    this.team = team;
  }

  /** Envelopes of another workspace, sharing this one's event ids so none repeats. */
  public Envelopes inTeam(String teamId) {
    return new Envelopes(ids, teamId);
  }

  /** A fresh event id, like Slack's {@code Ev...}. */
  public String eventId() {
    return "Ev0" + ids.incrementAndGet();
  }

  public static String ts(Instant at) {
    return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
  }

  public String message(String user, String channel, Instant at) {
    return message(eventId(), user, channel, at, null);
  }

  public String message(String eventId, String user, String channel, Instant at, String extraJson) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("channel", channel);
    event.addProperty("user", user);
    event.addProperty("text", MESSAGE_TEXT);
    event.addProperty("ts", ts(at));
    event.addProperty("event_ts", ts(at));
    event.addProperty("channel_type", channel.startsWith("G") ? "group" : "channel");
    if (extraJson != null) {
      com.google.gson.JsonParser.parseString(extraJson)
          .getAsJsonObject()
          .entrySet()
          .forEach(e -> event.add(e.getKey(), e.getValue()));
    }
    return envelope(eventId, event, at);
  }

  public String envelope(String eventId, JsonObject event, Instant at) {
    JsonObject env = new JsonObject();
    env.addProperty("token", "legacy-unused");
    env.addProperty("team_id", team);
    env.addProperty("api_app_id", "A0SANDBOX");
    env.add("event", event);
    env.addProperty("type", "event_callback");
    env.addProperty("event_id", eventId);
    env.addProperty("event_time", at.getEpochSecond());
    return env.toString();
  }
}
