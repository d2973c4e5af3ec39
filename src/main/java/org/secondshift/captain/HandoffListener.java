package org.secondshift.captain;

import java.time.Instant;

/** Told when a captain's shift ends, e.g. so that rest nudges can suggest recovery. */
public interface HandoffListener {
  void shiftEnded(String teamId, String channelId, String captainId, Instant endedAt);

  /** A listener that does nothing. */
  static HandoffListener none() {
    return (teamId, channelId, captainId, endedAt) -> {};
  }
}
