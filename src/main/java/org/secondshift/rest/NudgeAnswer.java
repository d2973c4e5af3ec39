package org.secondshift.rest;

import java.util.Optional;

/** The four buttons on a nudge; the code is the stored answer and the end of the action id. */
public enum NudgeAnswer {
  /** Logged; the stretch starts again. */
  BREAK("break"),
  /** No nudges for an hour. */
  SNOOZE("snooze"),
  /** No nudges until tomorrow, local time. */
  DONE("done"),
  /** No nudges until {@code /shift rest on}. */
  OFF("off");

  /** Buttons answer with action ids {@code nudge_<code>}. */
  public static final String ACTION_PREFIX = "nudge_";

  private final String code;

  NudgeAnswer(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String actionId() {
    return ACTION_PREFIX + code;
  }

  public static Optional<NudgeAnswer> ofCode(String code) {
    for (NudgeAnswer a : values()) {
      if (a.code.equals(code)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The answer a button's action id stands for. */
  public static Optional<NudgeAnswer> ofActionId(String actionId) {
    return actionId != null && actionId.startsWith(ACTION_PREFIX)
        ? ofCode(actionId.substring(ACTION_PREFIX.length()))
        : Optional.empty();
  }
}
