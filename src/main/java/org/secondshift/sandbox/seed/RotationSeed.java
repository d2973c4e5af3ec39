package org.secondshift.sandbox.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.secondshift.captain.Cadence;

/**
 * A captain rotation to set up in a channel.
 *
 * @param members the roster in order; the first one holds the watch when the sandbox starts
 * @param shift the shift length: {@code 12h} (any whole hours that divide a day), {@code daily} or
 *     {@code weekly}
 * @param handoffInMinutes minutes from the start of the sandbox to the next handoff, which falls on
 *     the next whole minute from then
 */
public record RotationSeed(
    String channel, String zone, List<String> members, String shift, Integer handoffInMinutes) {
  public RotationSeed {
    Seed.require(channel, "rotations[].channel");
    Seed.require(zone, "rotations[" + channel + "].zone");
    Seed.require(shift, "rotations[" + channel + "].shift");
    members = members == null ? List.of() : List.copyOf(members);
    if (members.size() < 2) {
      throw new IllegalArgumentException(
          "rotations[" + channel + "].members needs at least two people");
    }
    if (handoffInMinutes == null || handoffInMinutes < 1) {
      throw new IllegalArgumentException(
          "rotations[" + channel + "].handoffInMinutes must be 1 or more");
    }
    cadence(shift, channel);
  }

  /** How long one shift lasts. */
  public Cadence cadence() {
    return cadence(shift, channel);
  }

  /**
   * The next handoff: {@code handoffInMinutes} after {@code start}, on a whole minute like a cron
   * trigger.
   */
  public Instant nextHandoff(Instant start) {
    Instant at = start.plus(Duration.ofMinutes(handoffInMinutes));
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    return minute.equals(at) ? at : minute.plus(Duration.ofMinutes(1));
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  private static Cadence cadence(String shift, String channel) {
    String s = shift.trim().toLowerCase(Locale.ROOT);
    try {
      return switch (s) {
        case "daily" -> Cadence.daily();
        case "weekly" -> Cadence.weekly();
        default -> {
          if (!s.matches("\\d{1,3}h")) {
            throw new IllegalArgumentException("not a length");
          }
          yield Cadence.ofHours(Integer.parseInt(s.substring(0, s.length() - 1)));
        }
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "rotations["
              + channel
              + "].shift must be 12h (hours that divide a day),"
              + " daily or weekly, not '"
              + shift
              + "'");
    }
  }
}
