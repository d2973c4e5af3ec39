package org.secondshift.summary;

import java.time.ZoneId;
import java.util.Optional;

/** The zone a channel keeps time in, when it has one (a captain rotation's). */
public interface ChannelZone {
  Optional<ZoneId> of(String teamId, String channelId);

  static ChannelZone none() {
    return (teamId, channelId) -> Optional.empty();
  }
}
