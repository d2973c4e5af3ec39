package org.secondshift.rest;

import java.util.Objects;

/** What the policy decided for one person at one instant: send a nudge, or hold it and why. */
public sealed interface Verdict {
  /** Send this nudge. */
  record Send(Nudge nudge) implements Verdict {
    public Send {
      Objects.requireNonNull(nudge, "nudge");
    }
  }

  /** Send nothing. */
  record Hold(Reason reason) implements Verdict {
    public Hold {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why nothing is sent, in the order the policy checks. */
  enum Reason {
    OFF,
    PAUSED,
    DONE_FOR_TODAY,
    SNOOZED,
    NOT_WORKING,
    NOTHING_DUE,
    COOLDOWN,
    DAILY_CAP,
    DND,
    /** Slack could not say whether Do Not Disturb is on: held, and looked at again next check. */
    DND_UNKNOWN
  }

  static Verdict hold(Reason reason) {
    return new Hold(reason);
  }
}
