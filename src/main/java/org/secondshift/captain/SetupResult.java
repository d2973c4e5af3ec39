package org.secondshift.captain;

import java.util.List;

/**
 * What setup did: created the rotation, replaced one, or stopped because one exists and the caller
 * must confirm replacing it (with {@code existingId} to confirm against).
 */
public record SetupResult(Outcome outcome, long existingId, List<Assignment> plan) {
  public SetupResult {
    plan = List.copyOf(plan);
  }

  /** The three ways a setup can end. */
  public enum Outcome {
    CREATED,
    REPLACED,
    NEEDS_CONFIRMATION,
    ALREADY_CHANGED
  }
}
