package org.secondshift.rest;

/** Why a nudge was sent; the code is what is stored. */
public enum NudgeKind {
  LATE_NIGHT("late_night"),
  DAILY_LIMIT("daily_limit"),
  LONG_STRETCH("long_stretch"),
  NO_DAY_OFF("no_day_off"),
  /** After a captain hands the watch over: take the hours back. */
  RECOVERY("recovery");

  private final String code;

  NudgeKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The kind stored as {@code code}. */
  public static NudgeKind ofCode(String code) {
    for (NudgeKind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown nudge kind: " + code);
  }
}
