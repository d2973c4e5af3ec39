package org.secondshift.rest;

/**
 * What is known of someone's Do Not Disturb right now: on, off, or unknown because Slack could not
 * be asked.
 */
public enum Dnd {
  ON,
  OFF,
  UNKNOWN;

  /** On or off, as a caller that already knows says. */
  public static Dnd of(boolean on) {
    return on ? ON : OFF;
  }
}
