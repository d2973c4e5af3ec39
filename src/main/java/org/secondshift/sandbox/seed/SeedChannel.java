package org.secondshift.sandbox.seed;

import java.util.List;

/** A channel of the seeded workspace; the bot is a member of each. */
public record SeedChannel(String id, String name, String topic, List<String> members) {
  public SeedChannel {
    Seed.require(id, "channels[].id");
    Seed.require(name, "channels[" + id + "].name");
    topic = topic == null ? "" : topic;
    members = members == null ? List.of() : List.copyOf(members);
  }
}
