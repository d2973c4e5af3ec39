package org.secondshift.slack.home;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.secondshift.hours.WeekHours;

/**
 * Everything the Home tab shows one person.
 *
 * @param daysSinceDayOff days since the last local day with under an hour of work; empty if none in
 *     range
 * @param nextShifts one line per rotation the person is in, e.g. "#training-runs: Mon 09:00"
 * @param recentNudges one line per recent nudge and the answer given
 */
public record HomeData(
    Instant now,
    WeekHours week,
    Optional<Duration> currentSession,
    Optional<Integer> daysSinceDayOff,
    List<String> nextShifts,
    List<String> recentNudges,
    PersonalSettings.Choices choices) {
  public HomeData {
    nextShifts = List.copyOf(nextShifts);
    recentNudges = List.copyOf(recentNudges);
  }
}
