package org.secondshift.store;

import java.util.Objects;

/**
 * One Web API call the bot has decided to make: a new message, or an update of one it sent.
 *
 * @param kind what it is in the product's words (nudge, handoff, summary, ...), for logs and tests
 * @param method {@code chat.postMessage} or {@code chat.update}
 * @param channel a channel id, or a user id for a direct message
 * @param targetTs for {@code chat.update}: the ts of the message to change
 * @param text the notification fallback text, written by the bot (never a person's message)
 * @param blocksJson Block Kit blocks as built by the SDK and serialised, or null
 * @param ref a domain reference, e.g. {@code nudge:42}, to find the row again
 */
public record OutboxMessage(
    String teamId, String kind, String method, String channel, String targetTs, String text,
    String blocksJson, String ref) {
  public static final String POST = "chat.postMessage";
  public static final String UPDATE = "chat.update";

  public OutboxMessage {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(text, "text");
    if (!POST.equals(method) && !UPDATE.equals(method)) {
      throw new IllegalArgumentException("method must be chat.postMessage or chat.update: " + method);
    }
    if (UPDATE.equals(method) && targetTs == null) {
      throw new IllegalArgumentException("targetTs is required for chat.update");
    }
  }

  /** A new message in a channel, or a DM when {@code channel} is a user id. */
  public static OutboxMessage post(String teamId, String kind, String channel, String text, String blocksJson, String ref) {
    return new OutboxMessage(teamId, kind, POST, channel, null, text, blocksJson, ref);
  }

  /** Replaces the text and blocks of a message the bot sent earlier. */
  public static OutboxMessage update(String teamId, String kind, String channel, String ts, String text, String blocksJson, String ref) {
    return new OutboxMessage(teamId, kind, UPDATE, channel, ts, text, blocksJson, ref);
  }
}
