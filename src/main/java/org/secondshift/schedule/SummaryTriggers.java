package org.secondshift.schedule;

import java.util.List;
import org.secondshift.summary.PlanScheduler;
import org.secondshift.summary.SummaryPlan;

/** One Quartz cron trigger per weekly summary plan, in the plan's own zone. */
public final class SummaryTriggers implements PlanScheduler {
  private final Schedules schedules;

  public SummaryTriggers(Schedules schedules) {
    this.schedules = schedules;
  }

  /** Rebuilds every trigger from the stored plans, at start. */
  public void rebuild(List<SummaryPlan> plans) {
    plans.forEach(this::planned);
  }

  @Override
  public void planned(SummaryPlan plan) {
    schedules.cron(
        name(plan.teamId(), plan.channelId()),
        WeeklySummaryJob.class,
        plan.cron(),
        plan.zone(),
        WeeklySummaryJob.key(plan.teamId(), plan.channelId()));
  }

  @Override
  public void dropped(String teamId, String channelId) {
    schedules.remove(name(teamId, channelId));
  }

  static String name(String teamId, String channelId) {
    return "summary:" + teamId + ":" + channelId;
  }
}
