package org.secondshift.slack.blocks;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** Long mrkdwn as several sections, each within Slack's 3,000 characters, split between lines. */
public final class Sections {
  /**
   * Slack's limit on a section's text (https://api.slack.com/reference/block-kit/blocks#section).
   */
  public static final int MAX_TEXT = 3000;

  private Sections() {}

  public static List<LayoutBlock> of(String mrkdwn) {
    List<LayoutBlock> blocks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String line : mrkdwn.split("\n", -1)) {
      String piece = line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT - 1) + "…" : line;
      if (chunk.length() > 0 && chunk.length() + 1 + piece.length() > MAX_TEXT) {
        blocks.add(section(chunk.toString()));
        chunk.setLength(0);
      }
      if (chunk.length() > 0) {
        chunk.append('\n');
      }
      chunk.append(piece);
    }
    if (chunk.length() > 0) {
      blocks.add(section(chunk.toString()));
    }
    return blocks;
  }

  /**
   * {@code text} cut to fit one text object (a context element, a section), at the last comma or
   * line before the limit, saying how much was left out.
   */
  public static String clip(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    String room = text.substring(0, MAX_TEXT - 20);
    int cut = Math.max(room.lastIndexOf(", "), room.lastIndexOf('\n'));
    String kept = cut > 0 ? room.substring(0, cut) : room;
    return kept + " … and more";
  }

  private static LayoutBlock section(String text) {
    return com.slack.api.model.block.Blocks.section(s -> s.text(markdownText(text)));
  }
}
