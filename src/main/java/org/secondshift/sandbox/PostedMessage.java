package org.secondshift.sandbox;

/** A message in a channel of the stand-in, as it currently reads after any updates. */
public record PostedMessage(
    String channel, String ts, String text, String blocksJson, String threadTs, String user) {

  /** A message the bot posted. */
  public PostedMessage(String channel, String ts, String text, String blocksJson, String threadTs) {
    this(channel, ts, text, blocksJson, threadTs, TeamDirectory.BOT_USER_ID);
  }

  /** Whether the bot, rather than a person, wrote it. */
  public boolean fromBot() {
    return TeamDirectory.BOT_USER_ID.equals(user);
  }

  PostedMessage updatedWith(String newText, String newBlocksJson) {
    return new PostedMessage(
        channel,
        ts,
        newText == null ? text : newText,
        newBlocksJson == null ? blocksJson : newBlocksJson,
        threadTs,
        user);
  }
}
