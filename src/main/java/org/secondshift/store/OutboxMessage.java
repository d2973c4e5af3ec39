package org.secondshift.store;

import java.util.Objects;

/**
 * One Web API call the bot has decided to make: a new message, or an update of one it sent.
 *
 * @param kind what it is in the product's words (nudge, handoff, summary, ...), for logs and tests
 * @param method {@code chat.postMessage} or {@code chat.update}
 * @param channel a channel id, or a user id for a direct message
 * @param targetTs for {@code chat.update}: the ts of the message to change
 * @param text the notification fallback text, written by the bot (never a person's message), or
 *     null when {@code notice} is rendered at send time
 * @param blocksJson Block Kit blocks as built by the SDK and serialised, or null
 * @param notice what was decided, of {@code kind}'s {@link OutboxKind#noticeType() notice type}:
 *     the sender renders it into text and blocks when it sends; null when {@code text} is given
 * @param ref a domain reference, e.g. {@code nudge:42}, to find the row again
 * @param file for {@code files.uploadV2}: the file to share in the channel, else null
 */
public record OutboxMessage(
    String teamId,
    OutboxKind kind,
    String method,
    String channel,
    String targetTs,
    String text,
    String blocksJson,
    Object notice,
    String ref,
    Attachment file) {
  public static final String POST = "chat.postMessage";
  public static final String UPDATE = "chat.update";
  public static final String UPLOAD = "files.uploadV2";

  public OutboxMessage {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    if ((text == null) == (notice == null)) {
      throw new IllegalArgumentException("a message holds either its text or a notice to render");
    }
    if (notice != null && !(kind.noticeType() != null && kind.noticeType().isInstance(notice))) {
      throw new IllegalArgumentException(
          kind + " does not carry a " + notice.getClass().getSimpleName());
    }
    if (notice != null && blocksJson != null) {
      throw new IllegalArgumentException("blocks are rendered from the notice");
    }
    if (!POST.equals(method) && !UPDATE.equals(method) && !UPLOAD.equals(method)) {
      throw new IllegalArgumentException(
          "method must be chat.postMessage, chat.update or files.uploadV2: " + method);
    }
    if (UPDATE.equals(method) && targetTs == null) {
      throw new IllegalArgumentException("targetTs is required for chat.update");
    }
    if (UPLOAD.equals(method) != (file != null)) {
      throw new IllegalArgumentException("file is required for files.uploadV2 and only there");
    }
  }

  /** A new message in a channel, or a DM when {@code channel} is a user id. */
  public static OutboxMessage post(
      String teamId, OutboxKind kind, String channel, String text, String blocksJson, String ref) {
    return new OutboxMessage(teamId, kind, POST, channel, null, text, blocksJson, null, ref, null);
  }

  /**
   * A new message in a channel or a DM, to be rendered from {@code notice} when it is sent: for
   * what is decided inside a store's transaction, where nothing is rendered.
   */
  public static OutboxMessage decided(
      String teamId, OutboxKind kind, String channel, Object notice, String ref) {
    return new OutboxMessage(teamId, kind, POST, channel, null, null, null, notice, ref, null);
  }

  /** An update of the message at {@code channel}/{@code ts}, rendered from {@code notice}. */
  public static OutboxMessage decidedUpdate(
      String teamId, OutboxKind kind, String channel, String ts, Object notice, String ref) {
    return new OutboxMessage(teamId, kind, UPDATE, channel, ts, null, null, notice, ref, null);
  }

  /** Replaces the text and blocks of a message the bot sent earlier. */
  public static OutboxMessage update(
      String teamId,
      OutboxKind kind,
      String channel,
      String ts,
      String text,
      String blocksJson,
      String ref) {
    return new OutboxMessage(teamId, kind, UPDATE, channel, ts, text, blocksJson, null, ref, null);
  }

  /** Shares a file in a channel with {@code text} as its comment. */
  public static OutboxMessage upload(
      String teamId, OutboxKind kind, String channel, String text, Attachment file, String ref) {
    return new OutboxMessage(teamId, kind, UPLOAD, channel, null, text, null, null, ref, file);
  }

  /** A file's name, title and bytes. */
  public record Attachment(String name, String title, byte[] bytes) {
    public Attachment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(title, "title");
      bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }
}
