package org.secondshift.captain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Answers who is on duty, for features that lean on the rotation (rest nudges, summaries). */
public interface Watch {
  /** Captains on duty at {@code at} in the rotations of the given channels. */
  List<OnDuty> onDuty(String teamId, Collection<String> channelIds, Instant at);

  /** A watch with no rotations at all. */
  static Watch none() {
    return (teamId, channelIds, at) -> List.of();
  }
}
