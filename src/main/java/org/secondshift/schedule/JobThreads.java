package org.secondshift.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's job threads as a plain executor. Quartz's own pool lets an idle worker notice a shutdown
 * only when its half-second wait ends, so every stop of the bot took that long even with no job
 * running; here a stop with no job running returns at once, and one with jobs waits for them.
 *
 * <p>Quartz creates this class by name and sets {@code threadCount} from its properties.
 */
public final class JobThreads implements ThreadPool {
  private int threadCount = 2;
  private String name = "quartz";
  private ExecutorService executor;
  private Semaphore free;

  /** Set by Quartz from {@code org.quartz.threadPool.threadCount}. */
  public void setThreadCount(int threadCount) {
    this.threadCount = threadCount;
  }

  @Override
  public void initialize() {
    free = new Semaphore(threadCount);
    AtomicInteger n = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            threadCount,
            r -> {
              Thread t = new Thread(r, name + "-job-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public boolean runInThread(Runnable job) {
    // Quartz calls this after blockForAvailableThreads said a thread is free; take it, or wait.
    free.acquireUninterruptibly();
    try {
      executor.execute(
          () -> {
            try {
              job.run();
            } finally {
              free.release();
            }
          });
      return true;
    } catch (RejectedExecutionException stopped) {
      free.release();
      return false;
    }
  }

  /** Waits until a thread is free, or the pool stops (then none is). */
  @Override
  public int blockForAvailableThreads() {
    try {
      while (!free.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (executor.isShutdown()) {
          return 0;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    int available = 1 + free.availablePermits();
    free.release();
    return available;
  }

  @Override
  public void shutdown(boolean waitForJobsToComplete) {
    executor.shutdown();
    if (!waitForJobsToComplete) {
      return;
    }
    try {
      while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
        // A job still runs; Quartz asked to wait for it.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public int getPoolSize() {
    return threadCount;
  }

  @Override
  public void setInstanceId(String id) {
    // Thread names carry the scheduler's name; the instance id adds nothing here.
  }

  @Override
  public void setInstanceName(String name) {
    this.name = name;
  }
}
