package org.secondshift.sandbox.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.secondshift.captain.Cadence;
import org.secondshift.captain.Rotations;

/**
 * The seed's {@code rotations}: each one set up through the same service as {@code /shift captain
 * setup}, as it would have been one shift before the next handoff, and its first handoff performed
 * then, so that the first member holds the watch when the sandbox starts and the next handoff is
 * left to the bot's own trigger, a few minutes later.
 */
public final class RotationApplier implements SectionApplier<RotationSeed> {
  // Set up a moment before the first handoff, so that handoff is the next one at its local time.
  private static final Duration SET_UP_BEFORE = Duration.ofMinutes(1);

  @Override
  public void apply(List<RotationSeed> seeds, SeedContext context) {
    Rotations rotations = context.parts().rotations();
    for (RotationSeed r : seeds) {
      ZoneId zone = r.zoneId();
      LocalDateTime next = LocalDateTime.ofInstant(r.nextHandoff(context.now()), zone);
      LocalDateTime first = previous(next, r.cadence());
      Instant firstAt = first.atZone(zone).toInstant();
      rotations.setup(
          context.teamId(),
          r.channel(),
          r.members().get(0),
          r.members(),
          r.cadence(),
          first.toLocalTime(),
          zone,
          firstAt.minus(SET_UP_BEFORE),
          -1);
      rotations.performDue(firstAt);
    }
  }

  private static LocalDateTime previous(LocalDateTime next, Cadence cadence) {
    return cadence.hours() > 0 ? next.minusHours(cadence.hours()) : next.minusDays(cadence.days());
  }
}
