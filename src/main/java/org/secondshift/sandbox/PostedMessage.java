package org.secondshift.sandbox;

/** A message the bot posted to a channel, as it currently reads after any updates. */
public record PostedMessage(
    String channel, String ts, String text, String blocksJson, String threadTs) {

  PostedMessage updatedWith(String newText, String newBlocksJson) {
    return new PostedMessage(
        channel,
        ts,
        newText == null ? text : newText,
        newBlocksJson == null ? blocksJson : newBlocksJson,
        threadTs);
  }
}
