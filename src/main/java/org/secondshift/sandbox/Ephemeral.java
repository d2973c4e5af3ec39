package org.secondshift.sandbox;

/**
 * A reply only one person sees in one conversation, such as the answer to {@code /shift}.
 *
 * @param user who sees it
 * @param author who wrote it: the bot, or Slackbot for Slack's own notices
 */
public record Ephemeral(
    String channel, String user, String ts, String text, String blocksJson, String author) {
  /** Slack's own voice, for what Slack answers itself (an unknown command, a failed dispatch). */
  public static final String SLACKBOT = "USLACKBOT";

  /** A reply from the bot. */
  public Ephemeral(String channel, String user, String ts, String text, String blocksJson) {
    this(channel, user, ts, text, blocksJson, TeamDirectory.BOT_USER_ID);
  }
}
