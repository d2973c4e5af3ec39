package org.secondshift.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.secondshift.slack.SummaryPoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A summary trigger fired: post whatever is due. Safe to run twice. */
@DisallowConcurrentExecution
public final class WeeklySummaryJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(WeeklySummaryJob.class);
  private final SummaryPoster poster;

  public WeeklySummaryJob(SummaryPoster poster) {
    this.poster = poster;
  }

  @Override
  public void execute(JobExecutionContext context) {
    int posted = poster.catchUp();
    log.debug("weekly summary trigger {}: {} posted", context.getTrigger().getKey(), posted);
  }
}
