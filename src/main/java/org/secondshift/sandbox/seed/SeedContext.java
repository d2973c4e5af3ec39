package org.secondshift.sandbox.seed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.secondshift.Bot;

/**
 * What a section applier may use: the bot's services (built and serving, but with no catch-up,
 * schedule or outbox started yet), the team, the moment the sandbox starts, and each teammate's
 * resolved zone.
 */
public record SeedContext(Bot.Parts parts, String teamId, Instant now, Map<String, ZoneId> zones) {
  public SeedContext {
    Objects.requireNonNull(parts, "parts");
    Seed.require(teamId, "teamId");
    Objects.requireNonNull(now, "now");
    zones = Map.copyOf(zones);
  }

  /** The person's zone as the seed resolved it. */
  public ZoneId zoneOf(String userId) {
    ZoneId zone = zones.get(userId);
    if (zone == null) {
      throw new IllegalArgumentException("no zone for teammate " + userId);
    }
    return zone;
  }
}
