package org.secondshift.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.secondshift.slack.SummaryPoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plan's trigger fired: post that channel's summary if it is due. Safe to run twice. */
@DisallowConcurrentExecution
public final class WeeklySummaryJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(WeeklySummaryJob.class);
  static final String TEAM = "team";
  static final String CHANNEL = "channel";
  private final SummaryPoster poster;

  public WeeklySummaryJob(SummaryPoster poster) {
    this.poster = poster;
  }

  /** What a plan's trigger carries: the channel it is for. */
  static JobDataMap key(String teamId, String channelId) {
    JobDataMap data = new JobDataMap();
    data.put(TEAM, teamId);
    data.put(CHANNEL, channelId);
    return data;
  }

  @Override
  public void execute(JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    int posted =
        data.containsKey(TEAM)
            ? poster.catchUp(data.getString(TEAM), data.getString(CHANNEL))
            : poster.catchUp();
    log.debug("weekly summary trigger {}: {} posted", context.getTrigger().getKey(), posted);
  }
}
