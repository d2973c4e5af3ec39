package org.secondshift.schedule;

import java.time.Clock;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.secondshift.rest.Nudges;
import org.secondshift.rest.RecoveryNudges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few minutes: nudges that time alone makes due (a stretch or a day running on), and recovery
 * nudges for watches that ended unseen.
 */
@DisallowConcurrentExecution
public final class RestCheckJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(RestCheckJob.class);
  private final Nudges nudges;
  private final RecoveryNudges recoveries;
  private final Clock clock;

  public RestCheckJob(Nudges nudges, RecoveryNudges recoveries, Clock clock) {
    this.nudges = nudges;
    this.recoveries = recoveries;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    Instant now = clock.instant();
    int sent = nudges.checkAll(now);
    // Watches whose end no look has seen yet, e.g. because an instance died right after a handoff.
    int recovered = recoveries.catchUp(now);
    log.debug("rest check sent {} nudges and looked at {} ended watches", sent, recovered);
  }
}
