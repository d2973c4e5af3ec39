package org.secondshift.schedule;

import java.time.Clock;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.secondshift.store.RetentionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once a day (and once at start): deletes rows older than the retention period. */
@DisallowConcurrentExecution
public final class RetentionJob implements Job {
  /** How often the job runs. */
  public static final Duration EVERY = Duration.ofDays(1);

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  private final RetentionStore store;
  private final Duration kept;
  private final Clock clock;

  public RetentionJob(RetentionStore store, Duration kept, Clock clock) {
    this.store = store;
    this.kept = kept;
    this.clock = clock;
  }

  @Override
  public void execute(JobExecutionContext context) {
    if (kept.isZero()) {
      // Kept forever: a trigger left in a shared scheduler by an older setting deletes nothing.
      return;
    }
    RetentionStore.Deleted deleted = store.deleteBefore(clock.instant().minus(kept));
    log.info(
        "retention: deleted {} activity rows, {} sessions, {} nudges and {} delivered messages"
            + " older than {} days",
        deleted.activity(),
        deleted.sessions(),
        deleted.nudges(),
        deleted.messages(),
        kept.toDays());
  }
}
