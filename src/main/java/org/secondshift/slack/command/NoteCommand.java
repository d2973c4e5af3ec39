package org.secondshift.slack.command;

import java.time.Clock;
import org.secondshift.captain.Note;
import org.secondshift.captain.Refusal;
import org.secondshift.captain.Rotations;
import org.secondshift.slack.blocks.CaptainView;

/** {@code /shift note <text>}: a handoff note for the captain of this channel's rotation. */
public final class NoteCommand implements Subcommand {
  private final Rotations rotations;
  private final Clock clock;

  public NoteCommand(Rotations rotations, Clock clock) {
    this.rotations = rotations;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "note";
  }

  @Override
  public String usage() {
    return "/shift note <text for the captain, e.g. eval run 42 diverged at step 3k>";
  }

  @Override
  public String summary() {
    return "leave a handoff note for the captain on duty, or the next one";
  }

  @Override
  public Reply run(Invocation inv) {
    String text = inv.rest().strip();
    if (text.isEmpty()) {
      throw new UsageException("Write the note after `note`.");
    }
    if (text.length() > Note.MAX_LENGTH) {
      throw new UsageException("Keep the note under " + Note.MAX_LENGTH + " characters.");
    }
    try {
      return CaptainView.noted(
          rotations.note(inv.teamId(), inv.channelId(), inv.userId(), text, clock.instant()));
    } catch (Refusal r) {
      throw new UsageException(CaptainView.refusal(r));
    }
  }
}
