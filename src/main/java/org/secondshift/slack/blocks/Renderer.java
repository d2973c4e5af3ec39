package org.secondshift.slack.blocks;

import org.secondshift.captain.Notice;
import org.secondshift.rest.Nudge;
import org.secondshift.rest.NudgeAnswered;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.PostFailures;

/**
 * Turns what was decided into what a person reads, when the outbox sends it: every notice queued
 * inside a store's transaction is rendered here, and only here. A message queued with its text
 * already written (a summary, an export, a pointer) is sent as it is.
 */
public final class Renderer {
  private final CaptainMessages captain = new CaptainMessages();
  private final NudgeView nudges = new NudgeView();

  /** The words of {@code m}; throws IllegalArgumentException for a notice it does not know. */
  public Rendered render(OutboxMessage m) {
    Object notice = m.notice();
    if (notice == null) {
      return new Rendered(m.text(), m.blocksJson());
    }
    if (notice instanceof Notice n) {
      return captain.render(m.kind(), n);
    }
    if (notice instanceof Nudge n) {
      return nudges.nudge(n);
    }
    if (notice instanceof NudgeAnswered a) {
      return nudges.answered(a);
    }
    if (notice instanceof PostFailures.Refused r) {
      return FailedPostView.render(r);
    }
    throw new IllegalArgumentException(
        "no words for a " + notice.getClass().getSimpleName() + " in a " + m.kind() + " message");
  }
}
