package org.secondshift.captain;

import java.time.Duration;
import java.time.Instant;

/** What the rotation needs to know about someone's rest before giving them a shift. */
public interface RestSignals {
  /** Whether the person is on pause or vacation at {@code at}. */
  boolean onPause(String teamId, String userId, Instant at);

  /** How long the person worked (active and manual, not duty) in the 24 hours before {@code at}. */
  Duration workedLast24h(String teamId, String userId, Instant at);

  /** How much work in a day is too much for this person. */
  Duration dailyLimit(String teamId, String userId);
}
