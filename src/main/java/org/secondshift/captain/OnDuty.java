package org.secondshift.captain;

import java.time.Instant;

/** Who holds the watch in one channel's rotation, and until when. */
public record OnDuty(String teamId, String channelId, String captainId, Instant until) {}
