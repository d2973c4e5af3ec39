package org.secondshift.captain;

/** Keeps the wake-ups for a rotation's boundaries in step with its definition. */
public interface HandoffTimer {
  void rotationChanged(Rotation rotation);

  /** A timer that schedules nothing; handoffs then happen only when someone asks. */
  static HandoffTimer none() {
    return rotation -> {};
  }
}
