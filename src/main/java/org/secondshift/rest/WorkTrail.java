package org.secondshift.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The ids and instants of recent activity that rest nudges look at; implemented by the store. */
public interface WorkTrail {
  /** Instants of the person's activity in [from, to]. */
  List<Instant> activity(String teamId, String userId, Instant from, Instant to);

  /** Channels the person was active in after {@code since}. */
  Set<String> channels(String teamId, String userId, Instant since);

  /** Everyone with activity after {@code since} or a manual session open now. */
  List<Person> activeSince(Instant since);

  /** One person in one workspace. */
  record Person(String teamId, String userId) {}
}
