package org.secondshift.summary;

/** Keeps the triggers of weekly summaries in step with their plans. */
public interface PlanScheduler {
  void planned(SummaryPlan plan);

  void dropped(String teamId, String channelId);
}
