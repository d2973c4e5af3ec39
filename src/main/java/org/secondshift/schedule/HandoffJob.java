package org.secondshift.schedule;

import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.secondshift.captain.Rotation;
import org.secondshift.captain.Rotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs the handoffs and reminders due now, of the rotation the trigger is for; safe to run
 * twice.
 */
@DisallowConcurrentExecution
public final class HandoffJob implements Job {
  private static final Logger log = LoggerFactory.getLogger(HandoffJob.class);
  static final String TEAM = "team";
  static final String CHANNEL = "channel";
  private final Rotations rotations;
  private final Clock clock;

  public HandoffJob(Rotations rotations, Clock clock) {
    this.rotations = rotations;
    this.clock = clock;
  }

  /** What a rotation's trigger carries: the rotation it is for. */
  static JobDataMap key(Rotation r) {
    JobDataMap data = new JobDataMap();
    data.put(TEAM, r.teamId());
    data.put(CHANNEL, r.channelId());
    return data;
  }

  @Override
  public void execute(JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    try {
      // A rotation's trigger looks at that rotation; the periodic sweep (no key) at all of them.
      int announced =
          data.containsKey(TEAM)
              ? rotations.performDue(data.getString(TEAM), data.getString(CHANNEL), clock.instant())
              : rotations.performDue(clock.instant());
      log.debug("{} handoffs announced after trigger {}", announced, context.getTrigger().getKey());
    } catch (RuntimeException e) {
      log.error("handoff check failed; the next trigger tries again: {}", e.toString(), e);
    }
  }
}
