package org.secondshift.slack.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sender on one background thread: again when there is more to send, at once when woken,
 * and at least every second so rows written by another instance are not left waiting.
 */
public final class OutboxRunner implements AutoCloseable {
  static final Duration MAX_IDLE = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(OutboxRunner.class);

  private final OutboxSender sender;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor thread =
      new ScheduledThreadPoolExecutor(
          1,
          r -> {
            Thread t = new Thread(r, "outbox");
            t.setDaemon(true);
            return t;
          });
  private ScheduledFuture<?> next;

  public OutboxRunner(OutboxSender sender, Clock clock) {
    this.sender = sender;
    this.clock = clock;
    // A wake while a drain runs leaves a planned drain behind; at a stop none of those may run, or
    // closing waits out their delay.
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Starts draining; rows left from before a restart go out first. */
  public void start() {
    wake();
  }

  /** Drains now instead of at the next planned time. */
  public synchronized void wake() {
    if (thread.isShutdown()) {
      return;
    }
    if (next != null) {
      next.cancel(false);
    }
    next = thread.schedule(this::drain, 0, TimeUnit.MILLISECONDS);
  }

  /**
   * Drains now and returns once that drain is over: what was due has been sent or rescheduled.
   * Returns at once when the runner has stopped.
   */
  public void drainAndWait(Duration limit) throws InterruptedException, TimeoutException {
    wake();
    try {
      // One thread: a task queued behind the drain runs once the drain is done.
      thread.submit(() -> {}).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // nothing more will be sent
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void drain() {
    Duration wait = MAX_IDLE;
    try {
      Optional<Instant> due = sender.drainOnce();
      if (due.isPresent()) {
        Duration until = Duration.between(clock.instant(), due.get());
        wait =
            until.isNegative() ? Duration.ZERO : until.compareTo(MAX_IDLE) > 0 ? MAX_IDLE : until;
      }
    } catch (RuntimeException e) {
      log.error("outbox drain failed; trying again shortly: {}", e.toString(), e);
    }
    schedule(wait);
  }

  private synchronized void schedule(Duration wait) {
    if (!thread.isShutdown()) {
      next = thread.schedule(this::drain, wait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Lets the message in flight finish, then gives back the rows this instance had claimed. */
  @Override
  public void close() throws InterruptedException {
    sender.requestStop();
    synchronized (this) {
      thread.shutdown();
      if (next != null) {
        next.cancel(false);
      }
    }
    thread.awaitTermination(10, TimeUnit.SECONDS);
    sender.stop();
  }
}
