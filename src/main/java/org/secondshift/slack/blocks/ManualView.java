package org.secondshift.slack.blocks;

import java.time.Duration;
import org.secondshift.hours.WorkSession;
import org.secondshift.slack.command.Reply;

/** Answers to {@code /shift start} and {@code /shift stop}. */
public final class ManualView {
  private ManualView() {}

  public static Reply started(String note) {
    return Reply.text(
        ":stopwatch: Logging from now"
            + (note == null ? "" : " — _" + note + "_")
            + ". Say `/shift stop` when you step away.");
  }

  public static Reply alreadyRunning() {
    return Reply.text("A manual session is already running. `/shift stop` ends it.");
  }

  public static Reply stopped(WorkSession session) {
    return Reply.text(
        ":white_check_mark: Logged "
            + DurationText.of(Duration.between(session.start(), session.last()))
            + ". Time to rest?");
  }

  public static Reply nothingRunning() {
    return Reply.text("No manual session is running. `/shift start [note]` opens one.");
  }
}
