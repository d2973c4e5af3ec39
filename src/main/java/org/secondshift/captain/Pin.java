package org.secondshift.captain;

import java.util.Objects;

/** A shift pinned to one person by a swap or a cover, whoever would have been in line. */
public record Pin(int seq, String userId, MoveReason reason) {
  public Pin {
    Objects.requireNonNull(userId, "userId");
    if (reason != MoveReason.COVER && reason != MoveReason.SWAP) {
      throw new IllegalArgumentException("reason must be COVER or SWAP, was " + reason);
    }
  }
}
