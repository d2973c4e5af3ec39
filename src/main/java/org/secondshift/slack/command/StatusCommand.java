package org.secondshift.slack.command;

import org.secondshift.hours.HourReports;
import org.secondshift.slack.blocks.StatusView;

/** {@code /shift status}: today so far, the running session, an open manual session. */
public final class StatusCommand implements Subcommand {
  private final HourReports reports;

  public StatusCommand(HourReports reports) {
    this.reports = reports;
  }

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String usage() {
    return "/shift status";
  }

  @Override
  public String summary() {
    return "today so far and the session you are in";
  }

  @Override
  public Reply run(Invocation inv) {
    if (!inv.args().isEmpty()) {
      throw new UsageException("`status` takes no arguments.");
    }
    return StatusView.status(reports.status(inv.teamId(), inv.userId()));
  }
}
