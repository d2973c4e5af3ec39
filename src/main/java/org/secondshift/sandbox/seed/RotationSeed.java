package org.secondshift.sandbox.seed;

import java.util.List;

/**
 * A captain rotation to set up in a channel.
 *
 * @param members the roster in order; the first one holds the watch when the sandbox starts
 * @param shift the shift length: {@code 12h}, {@code daily} or {@code weekly}
 * @param handoffInMinutes minutes from the start of the sandbox to the next handoff
 */
public record RotationSeed(
    String channel, String zone, List<String> members, String shift, Integer handoffInMinutes) {
  public RotationSeed {
    Seed.require(channel, "rotations[].channel");
    Seed.require(zone, "rotations[" + channel + "].zone");
    Seed.require(shift, "rotations[" + channel + "].shift");
    members = members == null ? List.of() : List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException("rotations[" + channel + "].members needs at least two people");
    }
    if (handoffInMinutes == null || handoffInMinutes < 0) {
      throw new IllegalArgumentException("rotations[" + channel + "].handoffInMinutes must be 0 or more");
    }
  }
}
