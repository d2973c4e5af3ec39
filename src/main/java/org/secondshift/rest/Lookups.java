package org.secondshift.rest;

import java.util.List;
import org.secondshift.captain.OnDuty;

/**
 * Facts the policy asks for only when it needs them, because they cost a call: Slack's Do Not
 * Disturb, and who holds the watch in the person's channels.
 */
public interface Lookups {
  /** Do Not Disturb as Slack reports it, or unknown when Slack could not say. */
  Dnd dnd();

  List<OnDuty> onDuty();

  /** Fixed answers, for tests and for callers that already know. */
  static Lookups of(boolean inDnd, List<OnDuty> onDuty) {
    return new Lookups() {
      @Override
      public Dnd dnd() {
        return Dnd.of(inDnd);
      }

      @Override
      public List<OnDuty> onDuty() {
        return onDuty;
      }
    };
  }
}
