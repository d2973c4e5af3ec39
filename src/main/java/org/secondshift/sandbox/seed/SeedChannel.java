package org.secondshift.sandbox.seed;

import java.util.List;

/**
 * A channel of the seeded workspace. The bot is a member unless {@code botInvited} is false, as in
 * a channel nobody has run {@code /invite @Second Shift} in yet.
 */
public record SeedChannel(
    String id, String name, String topic, List<String> members, Boolean botInvited) {
  public SeedChannel {
    Seed.require(id, "channels[].id");
    Seed.require(name, "channels[" + id + "].name");
    if (!id.startsWith("C")) {
      throw new IllegalArgumentException("channels[" + id + "].id must start with C");
    }
    topic = topic == null ? "" : topic;
    members = members == null ? List.of() : List.copyOf(members);
    botInvited = botInvited == null || botInvited;
  }

  /** Whether the bot was invited to the channel. */
  public boolean botIsMember() {
    return botInvited;
  }
}
