package org.secondshift.sandbox.seed;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.secondshift.captain.Cadence;
import org.secondshift.captain.Rotations;

/**
 * The seed's {@code rotations}: each one set up through the same service as {@code /shift captain
 * setup}, at the start of the shift before the next handoff, so its first member holds the watch
 * when the sandbox starts; the next handoff is left to the bot's own trigger, a few minutes later.
 */
public final class RotationApplier implements SectionApplier<RotationSeed> {
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
          firstAt,
          -1);
    }
  }

  private static LocalDateTime previous(LocalDateTime next, Cadence cadence) {
    return cadence.hours() > 0 ? next.minusHours(cadence.hours()) : next.minusDays(cadence.days());
  }
}
