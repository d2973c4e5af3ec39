package org.secondshift.sandbox.seed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.secondshift.store.Database;

/**
 * What a section applier may use: the bot's database (not yet serving), the team, the moment the
 * sandbox starts, and each teammate's resolved zone.
 */
public record SeedContext(Database database, String teamId, Instant now, Map<String, ZoneId> zones) {
  public SeedContext {
    Objects.requireNonNull(database, "database");
    Seed.require(teamId, "teamId");
    Objects.requireNonNull(now, "now");
    zones = Map.copyOf(zones);
  }
}
