package org.secondshift.summary;

/** The one thing the summary leads with; the view words it. */
public enum Highlight {
  /** Fewer than three active people: figures would point at individuals. */
  TOO_FEW_PEOPLE,
  /** Several people worked every day of the week. */
  NO_DAY_OFF,
  /** A large share of the hours fell in the late-night window. */
  LATE_NIGHT,
  /** Hours rose clearly against the week before. */
  HOURS_UP,
  /** Hours fell clearly against the week before. */
  HOURS_DOWN,
  /** Nothing stands out. */
  STEADY
}
