package org.secondshift.slack.command;

import org.secondshift.hours.HourReports;
import org.secondshift.slack.blocks.ManualView;

/** {@code /shift start [note]}: log work that Slack cannot see, from now on. */
public final class StartCommand implements Subcommand {
  /** Notes are a label for the person's own log, not a place for prose. */
  static final int MAX_NOTE = 200;

  private final HourReports reports;

  public StartCommand(HourReports reports) {
    this.reports = reports;
  }

  @Override
  public String name() {
    return "start";
  }

  @Override
  public String usage() {
    return "/shift start [note, e.g. watching the eval run]";
  }

  @Override
  public String summary() {
    return "start logging work Slack cannot see";
  }

  @Override
  public Reply run(Invocation inv) {
    String note = inv.rest().isBlank() ? null : inv.rest().strip();
    if (note != null && note.length() > MAX_NOTE) {
      throw new UsageException("Keep the note under " + MAX_NOTE + " characters.");
    }
    boolean started = reports.startManual(inv.teamId(), inv.userId(), note);
    return started ? ManualView.started(note) : ManualView.alreadyRunning();
  }
}
