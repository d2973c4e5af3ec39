package org.secondshift.slack.blocks;

import java.util.Objects;

/**
 * A message's words: the notification text, and its Block Kit blocks as the SDK serialises them
 * (null for text only).
 */
public record Rendered(String text, String blocksJson) {
  public Rendered {
    Objects.requireNonNull(text, "text");
  }
}
