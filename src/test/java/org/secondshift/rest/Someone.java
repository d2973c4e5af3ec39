package org.secondshift.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.secondshift.hours.WorkSession;

/** Builds the facts about one person for policy tests: work done, choices made, nudges had. */
final class Someone {
  static final String TEAM = "T1";
  static final String USER = "U1";

  private final ZoneId zone;
  private final List<WorkSession> sessions = new ArrayList<>();
  private final List<Instant> activity = new ArrayList<>();
  private final List<PastNudge> recent = new ArrayList<>();
  private RestPrefs prefs = RestPrefs.defaults();
  private Optional<Instant> manualSince = Optional.empty();

  private Someone(ZoneId zone) {
    this.zone = zone;
  }

  static Someone in(String zone) {
    return new Someone(ZoneId.of(zone));
  }

  /** Active every ten minutes from {@code from} to {@code to}, both included. */
  Someone worked(Instant from, Instant to) {
    for (Instant at = from; !at.isAfter(to); at = at.plus(Duration.ofMinutes(10))) {
      activity.add(at);
    }
    activity.add(to);
    sessions.add(new WorkSession(0, from, to, org.secondshift.hours.SessionSource.ACTIVITY));
    return this;
  }

  Someone worked(String from, String to) {
    return worked(Instant.parse(from), Instant.parse(to));
  }

  Someone activeAt(String at) {
    return worked(at, at);
  }

  Someone inManualSessionSince(String at) {
    manualSince = Optional.of(Instant.parse(at));
    return this;
  }

  Someone prefs(RestPrefs p) {
    prefs = p;
    return this;
  }

  Someone nudgedAt(String at, NudgeKind kind) {
    Instant i = Instant.parse(at);
    recent.add(new PastNudge(kind, i, java.time.LocalDate.ofInstant(i, zone)));
    return this;
  }

  RestFacts at(String now) {
    return new RestFacts(
        TEAM, USER, Instant.parse(now), zone, prefs, sessions, activity, manualSince, recent);
  }

  ZoneId zone() {
    return zone;
  }
}
