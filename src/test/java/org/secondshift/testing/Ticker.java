package org.secondshift.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Elapsed time for the stand-in's trigger ids: real time, as Slack's three seconds are, which a
 * test can move ahead to play a slow app without waiting.
 */
public final class Ticker implements LongSupplier {
  private final AtomicLong ahead = new AtomicLong();

  public void advance(Duration d) {
    ahead.addAndGet(d.toNanos());
  }

  @Override
  public long getAsLong() {
    return System.nanoTime() + ahead.get();
  }
}
