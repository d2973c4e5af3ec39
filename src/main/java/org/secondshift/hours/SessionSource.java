package org.secondshift.hours;

/** Where a work session came from, which decides how it is counted. */
public enum SessionSource {
  /** Inferred from Slack activity; covers its last activity plus the tail. */
  ACTIVITY,
  /** Entered by the person; covers exactly start to end. */
  MANUAL,
  /** Time on duty (on call); counted apart from active hours. */
  DUTY
}
