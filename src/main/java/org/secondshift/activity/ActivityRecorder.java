package org.secondshift.activity;

import java.util.function.BiConsumer;

/** Records activity and tells interested parties about people seen for the first time today. */
public final class ActivityRecorder {
  private final ActivityLog log;
  private final BiConsumer<String, String> afterRecord;

  /**
   * @param afterRecord called with (team, user) after a new activity is on disk; it must not block
   */
  public ActivityRecorder(ActivityLog log, BiConsumer<String, String> afterRecord) {
    this.log = log;
    this.afterRecord = afterRecord;
  }

  /** Records one activity; returns false when it was a duplicate. */
  public boolean record(Activity activity) {
    boolean fresh = log.record(activity);
    if (fresh) {
      afterRecord.accept(activity.teamId(), activity.userId());
    }
    return fresh;
  }
}
