package org.secondshift.captain;

import java.time.Instant;

/** Where setups waiting for confirmation are kept; implemented by the store. */
public interface PendingSetups {
  /** Keeps {@code setup} and returns its id, random and hard to guess. */
  String save(PendingSetup setup);

  /**
   * Marks the setup {@code id} of this person used, unless it already is or was made before {@code
   * madeAfter}; only one caller ever wins it.
   */
  Claim claim(String id, String teamId, String userId, Instant madeAfter, Instant now);

  /** Deletes setups made before {@code before}, used or not. */
  int purge(Instant before);

  /** What a claim found: the setup when this caller won it. */
  record Claim(Found found, PendingSetup setup) {
    public Claim {
      if ((found == Found.WON) != (setup != null)) {
        throw new IllegalArgumentException("setup comes with a won claim only, found " + found);
      }
    }

    public static Claim won(PendingSetup setup) {
      return new Claim(Found.WON, setup);
    }

    public static Claim used() {
      return new Claim(Found.USED, null);
    }

    public static Claim expired() {
      return new Claim(Found.EXPIRED, null);
    }
  }

  /** Won by this caller; already applied by an earlier one; too old or gone. */
  enum Found {
    WON,
    USED,
    EXPIRED
  }
}
