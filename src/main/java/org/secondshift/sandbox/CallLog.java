package org.secondshift.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Thread-safe record of Web API calls that lets tests wait for calls made on other threads. */
final class CallLog {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition recorded = lock.newCondition();
  private final List<RecordedCall> calls = new ArrayList<>();

  public void record(RecordedCall call) {
    lock.lock();
    try {
      calls.add(call);
      recorded.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public List<RecordedCall> all() {
    lock.lock();
    try {
      return List.copyOf(calls);
    } finally {
      lock.unlock();
    }
  }

  public List<RecordedCall> of(String method) {
    lock.lock();
    try {
      return matching(method);
    } finally {
      lock.unlock();
    }
  }

  public void clear() {
    lock.lock();
    try {
      calls.clear();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until at least {@code count} calls of {@code method} were recorded. */
  public List<RecordedCall> await(String method, int count, Duration timeout) {
    lock.lock();
    try {
      long remaining = timeout.toNanos();
      while (matching(method).size() < count) {
        if (remaining <= 0) {
          throw new IllegalStateException(timeoutMessage(method, count, timeout));
        }
        remaining = recorded.awaitNanos(remaining);
      }
      return matching(method);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + method + " calls", e);
    } finally {
      lock.unlock();
    }
  }

  private List<RecordedCall> matching(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).toList();
  }

  private String timeoutMessage(String method, int count, Duration timeout) {
    List<String> seen = calls.stream().map(RecordedCall::method).toList();
    return "Expected at least %d %s call(s) within %s but got %d; all calls so far: %s"
        .formatted(count, method, timeout, matching(method).size(), seen);
  }
}
