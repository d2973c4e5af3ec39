package org.secondshift.store;

import java.time.Instant;
import org.secondshift.rest.Nudge;
import org.secondshift.rest.NudgeAnswer;

/** Writes the messages for nudges, so the store can queue them in the deciding transaction. */
public interface NudgeMessages {
  /** The direct message carrying a new nudge and its buttons. */
  OutboxMessage nudge(Nudge nudge);

  /** The update of the nudge's message at {@code channel}/{@code ts} showing what was chosen. */
  OutboxMessage answered(Nudge nudge, NudgeAnswer answer, Instant at, String channel, String ts);
}
