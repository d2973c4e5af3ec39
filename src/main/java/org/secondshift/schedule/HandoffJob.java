package org.secondshift.schedule;

import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.secondshift.captain.Rotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks for due handoffs and reminders now; whatever trigger fired, it is safe to run twice. */
@DisallowConcurrentExecution
public final class HandoffJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(HandoffJob.class);
  private final Rotations rotations;
  private final Clock clock;

  public HandoffJob(Rotations rotations, Clock clock) {
    this.rotations = rotations;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    try {
      int announced = rotations.performDue(clock.instant());
      log.debug("{} handoffs announced after trigger {}", announced, context.getTrigger().getKey());
    } catch (RuntimeException e) {
      log.error("handoff check failed; the next trigger tries again: {}", e.toString(), e);
    }
  }
}
