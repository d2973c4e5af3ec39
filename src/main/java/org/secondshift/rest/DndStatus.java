package org.secondshift.rest;

/**
 * Whether someone has Slack's Do Not Disturb on right now; may call Slack, so never on a request.
 */
public interface DndStatus {
  /** On, off, or unknown when Slack did not answer. */
  Dnd dnd(String teamId, String userId);

  /** Nobody is ever in Do Not Disturb. */
  static DndStatus never() {
    return (teamId, userId) -> Dnd.OFF;
  }
}
