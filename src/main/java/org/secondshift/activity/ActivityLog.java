package org.secondshift.activity;

/** Where activity is kept; recording the same event twice keeps it once. */
public interface ActivityLog {
  /**
   * Stores the activity and folds it into the person's work sessions, in one transaction.
   *
   * @return false when the event id was already recorded (a retry or a duplicate)
   */
  boolean record(Activity activity);
}
