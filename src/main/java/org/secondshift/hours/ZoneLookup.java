package org.secondshift.hours;

import java.time.ZoneId;

/** Tells which time zone a person lives in, so that their days are their own. */
public interface ZoneLookup {
  ZoneId zoneOf(String teamId, String userId);
}
