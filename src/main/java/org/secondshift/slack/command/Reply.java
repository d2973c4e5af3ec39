package org.secondshift.slack.command;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** What {@code /shift} answers the person who ran it, only to them. */
public record Reply(String text, List<LayoutBlock> blocks) {
  public Reply {
    blocks = List.copyOf(blocks);
  }

  /** A reply of plain mrkdwn text without blocks. */
  public static Reply text(String text) {
    return new Reply(text, List.of());
  }
}
