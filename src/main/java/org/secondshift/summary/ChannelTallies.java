package org.secondshift.summary;

import java.time.Instant;
import java.util.Collection;

/** Nudge and captain figures for a summary, from the features that own them. */
public interface ChannelTallies {
  NudgeTally nudges(String teamId, Collection<String> userIds, Instant from, Instant to);

  CaptainTally captain(String teamId, String channelId, Instant from, Instant to);

  /** Tallies of nothing, for when those features are absent. */
  static ChannelTallies none() {
    return new ChannelTallies() {
      @Override
      public NudgeTally nudges(
          String teamId, Collection<String> userIds, Instant from, Instant to) {
        return NudgeTally.none();
      }

      @Override
      public CaptainTally captain(String teamId, String channelId, Instant from, Instant to) {
        return CaptainTally.none();
      }
    };
  }
}
