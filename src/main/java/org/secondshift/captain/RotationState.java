package org.secondshift.captain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Everything stored about one rotation that a decision needs, read in the deciding transaction. */
public record RotationState(
    Rotation rotation, Map<Integer, Pin> overrides, Optional<Shift> current, List<Note> openNotes) {
  public RotationState {
    Objects.requireNonNull(rotation, "rotation");
    overrides = Map.copyOf(overrides);
    Objects.requireNonNull(current, "current");
    openNotes = List.copyOf(openNotes);
  }
}
