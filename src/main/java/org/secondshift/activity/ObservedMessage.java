package org.secondshift.activity;

import java.util.Set;

/**
 * The few facts about a channel message that decide whether it is someone's activity.
 *
 * @param subtype Slack's message subtype, or null for a plain message
 * @param botId set when an app or integration posted it
 * @param channelType {@code channel}, {@code group}, {@code im} or {@code mpim}
 * @param ts the message's own timestamp
 * @param threadTs the parent's timestamp when the message is in a thread
 */
public record ObservedMessage(
    String subtype, String userId, String botId, String channelType, String ts, String threadTs) {

  // Subtypes a person produces by writing; everything else (edits, deletions, joins, bots,
  // channel topic changes...) is bookkeeping and says nothing about who is working.
  private static final Set<String> HUMAN_SUBTYPES =
      Set.of("thread_broadcast", "file_share", "me_message");
  private static final Set<String> COUNTED_CHANNELS = Set.of("channel", "group");

  /** Whether this message shows a human at work in a channel the bot follows. */
  public boolean isActivity() {
    return userId != null
        && !userId.isBlank()
        && (botId == null || botId.isBlank())
        && (subtype == null || HUMAN_SUBTYPES.contains(subtype))
        && (channelType == null || COUNTED_CHANNELS.contains(channelType));
  }

  /** A reply inside a thread, as opposed to a top-level message. */
  public ActivityKind kind() {
    boolean reply = threadTs != null && !threadTs.isBlank() && !threadTs.equals(ts);
    return reply ? ActivityKind.THREAD_REPLY : ActivityKind.MESSAGE;
  }
}
