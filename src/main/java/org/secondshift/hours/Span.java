package org.secondshift.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A half-open real-time interval [start, end). */
record Span(Instant start, Instant end) {

  Span {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end must not be before start: " + start + " > " + end);
    }
  }

  static Span of(Instant start, Instant end) {
    return new Span(start, end);
  }

  Duration overlap(Span other) {
    Instant from = start.isAfter(other.start) ? start : other.start;
    Instant to = end.isBefore(other.end) ? end : other.end;
    return from.isBefore(to) ? Duration.between(from, to) : Duration.ZERO;
  }

  /** Sorted, non-overlapping spans covering exactly the same instants as {@code spans}. */
  static List<Span> union(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparing(Span::start));
    List<Span> result = new ArrayList<>();
    for (Span s : sorted) {
      Span lastSpan = result.isEmpty() ? null : result.get(result.size() - 1);
      if (lastSpan != null && !s.start.isAfter(lastSpan.end)) {
        Instant end = s.end.isAfter(lastSpan.end) ? s.end : lastSpan.end;
        result.set(result.size() - 1, new Span(lastSpan.start, end));
      } else {
        result.add(s);
      }
    }
    return result;
  }

  /** Total overlap of disjoint {@code spans} with {@code window}. */
  static Duration overlap(List<Span> spans, Span window) {
    Duration total = Duration.ZERO;
    for (Span s : spans) {
      total = total.plus(s.overlap(window));
    }
    return total;
  }
}
