package org.secondshift.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Failures queued per Web API method, consumed one per call in the order they were queued. */
final class FaultPlan {

  /** A queued failure: either a 429 with Retry-After, or a 200 with ok=false. */
  record Fault(int retryAfterSeconds, String error) {
    static Fault rateLimited(int retryAfterSeconds) {
      return new Fault(retryAfterSeconds, "ratelimited");
    }

    static Fault failed(String error) {
      return new Fault(0, error);
    }

    public boolean isRateLimit() {
      return retryAfterSeconds > 0;
    }
  }

  private final Map<String, Deque<Fault>> queued = new HashMap<>();
  private final Map<String, CountDownLatch> holds = new HashMap<>();
  private final Map<String, Integer> waiting = new HashMap<>();

  /** Calls of {@code method} get no answer until {@code release} opens, as a slow Slack. */
  public synchronized void hold(String method, CountDownLatch release) {
    holds.put(method, release);
  }

  /** Waits (at most a minute) while {@code method} is held. */
  void awaitRelease(String method) {
    CountDownLatch release;
    synchronized (this) {
      release = holds.get(method);
      if (release == null) {
        return;
      }
      waiting.merge(method, 1, Integer::sum);
      notifyAll();
    }
    try {
      release.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (this) {
        waiting.merge(method, -1, Integer::sum);
      }
    }
  }

  /**
   * Waits until {@code count} calls of {@code method} wait on its hold at once; false on timeout.
   */
  synchronized boolean awaitHeld(String method, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (waiting.getOrDefault(method, 0) < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  public synchronized void rateLimitNext(String method, int times, int retryAfterSeconds) {
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("Retry-After must be at least one second");
    }
    enqueue(method, times, Fault.rateLimited(retryAfterSeconds));
  }

  public synchronized void failNext(String method, int times, String error) {
    enqueue(method, times, Fault.failed(error));
  }

  /** Drops the failures still queued for {@code method}: Slack answers it normally again. */
  public synchronized void clear(String method) {
    queued.remove(method);
  }

  public synchronized Optional<Fault> take(String method) {
    Deque<Fault> faults = queued.get(method);
    return faults == null ? Optional.empty() : Optional.ofNullable(faults.pollFirst());
  }

  private void enqueue(String method, int times, Fault fault) {
    Deque<Fault> faults = queued.computeIfAbsent(method, m -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      faults.addLast(fault);
    }
  }
}
