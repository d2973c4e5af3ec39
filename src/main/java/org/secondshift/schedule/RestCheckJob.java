package org.secondshift.schedule;

import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.secondshift.rest.Nudges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every few minutes: nudges that time alone makes due (a stretch or a day running on). */
@DisallowConcurrentExecution
public final class RestCheckJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(RestCheckJob.class);
  private final Nudges nudges;
  private final Clock clock;

  public RestCheckJob(Nudges nudges, Clock clock) {
    this.nudges = nudges;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    int sent = nudges.checkAll(clock.instant());
    log.debug("rest check sent {} nudges", sent);
  }
}
