package org.secondshift.bench;

import java.util.Arrays;

/** Latencies of a measured run, in nanoseconds, read as percentiles in milliseconds. */
record Timings(long[] sortedNanos) {

  Timings {
    if (sortedNanos.length == 0) {
      throw new IllegalArgumentException("sortedNanos must not be empty");
    }
  }

  static Timings of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Timings(sorted);
  }

  /** The sample at or below which {@code percent} of the samples lie (nearest rank). */
  double percentileMs(double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
  }

  double p50() {
    return percentileMs(50);
  }

  double p99() {
    return percentileMs(99);
  }

  double maxMs() {
    return sortedNanos[sortedNanos.length - 1] / 1e6;
  }

  int count() {
    return sortedNanos.length;
  }

  @Override
  public String toString() {
    return String.format(
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)", p50(), p99(), maxMs(), count());
  }
}
