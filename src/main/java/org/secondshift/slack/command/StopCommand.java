package org.secondshift.slack.command;

import org.secondshift.hours.HourReports;
import org.secondshift.slack.blocks.ManualView;

/** {@code /shift stop}: close the manual session opened with {@code /shift start}. */
public final class StopCommand implements Subcommand {
  private final HourReports reports;

  public StopCommand(HourReports reports) {
    this.reports = reports;
  }

  @Override
  public String name() {
    return "stop";
  }

  @Override
  public String usage() {
    return "/shift stop";
  }

  @Override
  public String summary() {
    return "stop the session you started with /shift start";
  }

  @Override
  public Reply run(Invocation inv) {
    if (!inv.args().isEmpty()) {
      throw new UsageException("`stop` takes no arguments.");
    }
    return reports
        .stopManual(inv.teamId(), inv.userId())
        .map(ManualView::stopped)
        .orElseGet(ManualView::nothingRunning);
  }
}
