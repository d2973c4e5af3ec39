package org.secondshift.rest;

import java.time.Clock;
import java.util.Optional;

/** A click on one of a nudge's buttons: kept for the summary, applied, and shown in the message. */
public final class NudgeAnswers {
  private final NudgeLog nudges;
  private final Runnable queued;
  private final Clock clock;

  /**
   * @param queued called after the message update was queued, e.g. to wake the outbox
   */
  public NudgeAnswers(NudgeLog nudges, Runnable queued, Clock clock) {
    this.nudges = nudges;
    this.queued = queued;
    this.clock = clock;
  }

  /** Records the answer once; the message at {@code channel}/{@code ts} will show it. */
  public Optional<Nudge> answer(
      String teamId, String userId, long nudgeId, NudgeAnswer answer, String channel, String ts) {
    Optional<Nudge> answered =
        nudges.answer(teamId, userId, nudgeId, answer, clock.instant(), channel, ts);
    answered.ifPresent(n -> queued.run());
    return answered;
  }
}
