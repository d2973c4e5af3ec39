package org.secondshift.captain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A rotation as people see it: who holds the watch now, and the shifts ahead. */
public record Overview(
    Rotation rotation, Optional<Shift> current, List<Assignment> ahead, int openNotes) {
  public Overview {
    Objects.requireNonNull(rotation, "rotation");
    Objects.requireNonNull(current, "current");
    ahead = List.copyOf(ahead);
  }
}
