package org.secondshift.rest;

import java.time.Instant;
import org.secondshift.captain.HandoffListener;

/** After a handoff the outgoing captain gets a recovery nudge; checked off the caller's thread. */
public final class RecoveryNudges implements HandoffListener {
  private final Nudges nudges;

  public RecoveryNudges(Nudges nudges) {
    this.nudges = nudges;
  }

  @Override
  public void shiftEnded(String teamId, String channelId, String captainId, Instant endedAt) {
    nudges.inBackground(
        "recovery/" + teamId + "/" + captainId + "/" + channelId,
        () -> nudges.recover(teamId, captainId, channelId, endedAt));
  }
}
