package org.secondshift.captain;

/** Why a shift went to someone other than the person in line, or NONE when it did not. */
public enum MoveReason {
  NONE,
  /** The person in line is on pause or vacation. */
  ON_PAUSE,
  /** The person in line worked past their daily limit in the last 24 hours. */
  PAST_DAILY_LIMIT,
  /** The person in line held the previous shift. */
  HELD_PREVIOUS_SHIFT,
  /** Someone covers, e.g. for sickness, with {@code /shift captain cover}. */
  COVER,
  /** Two people traded shifts with {@code /shift captain swap}. */
  SWAP
}
