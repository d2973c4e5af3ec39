package org.secondshift.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Captains' watches that ended and have not been looked at for a recovery nudge yet. */
public interface EndedWatches {
  /** Ended at or before {@code to}, oldest first; those ended before {@code from} are skipped. */
  List<EndedWatch> unchecked(Instant from, Instant to, int limit);

  /** Notes that the watch was looked at; false if another instance did first. */
  boolean markChecked(long shiftId, Instant at);

  /** Notes every watch that ended before {@code before} as looked at: too late for a nudge. */
  int expire(Instant before, Instant at);

  /** One ended watch: whose, in which channel's rotation, and when it began and ended. */
  record EndedWatch(
      long shiftId,
      String teamId,
      String channelId,
      String captainId,
      Instant startedAt,
      Instant endedAt) {
    /** How long the captain held it. */
    public Duration length() {
      return Duration.between(startedAt, endedAt);
    }
  }
}
