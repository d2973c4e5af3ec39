package org.secondshift.summary;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.secondshift.hours.DayHours;
import org.secondshift.hours.WeekHours;

/**
 * One channel member's week as the summary sees it.
 *
 * @param name shown only when the person opted in to sharing; empty otherwise
 */
public record MemberWeek(String userId, Optional<String> name, WeekHours hours) {
  /** A day with less than this much work counts as a day off. */
  public static final Duration DAY_OFF_BELOW = Duration.ofHours(1);

  public MemberWeek {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hours, "hours");
  }

  public boolean sharesName() {
    return name.isPresent();
  }

  /** Worked at least an hour on every day of the week. */
  public boolean hadNoDayOff() {
    return hours.days().stream()
        .map(DayHours::active)
        .allMatch(d -> d.compareTo(DAY_OFF_BELOW) >= 0);
  }

  /** Did anything at all this week. */
  public boolean active() {
    return !hours.total().isZero() || !hours.duty().isZero();
  }
}
