package org.secondshift.sandbox.seed;

/**
 * A message shown in a channel when the sandbox starts, so the page is not empty; its text lives
 * only in the stand-in, never in the bot's database.
 */
public record SeedMessage(String user, String channel, Integer minutesAgo, String text) {
  public SeedMessage {
    Seed.require(user, "messages[].user");
    Seed.require(channel, "messages[].channel");
    Seed.require(text, "messages[].text");
    if (minutesAgo == null || minutesAgo < 0) {
      throw new IllegalArgumentException("messages[].minutesAgo must be 0 or more");
    }
  }
}
