package org.secondshift.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every nudge and the answer to it (never message text); writing one also queues its message, in
 * the same transaction. Implemented by the store.
 */
public interface NudgeLog {
  /** The person's nudges decided after {@code since}. */
  List<PastNudge> since(String teamId, String userId, Instant since);

  /**
   * Stores the nudge and queues its direct message, unless the person got another nudge after
   * {@code othersAfter} in the meantime (a second check racing this one); empty then.
   */
  Optional<Nudge> record(Nudge draft, Optional<Instant> othersAfter);

  /**
   * Keeps the person's first answer to their nudge, applies it to their choices and queues the
   * update of the message at {@code channel}/{@code ts}; empty when the nudge is not theirs or was
   * answered already.
   */
  Optional<Nudge> answer(
      String teamId,
      String userId,
      long nudgeId,
      NudgeAnswer answer,
      Instant at,
      String channel,
      String ts);
}
