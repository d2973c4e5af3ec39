package org.secondshift.captain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.secondshift.hours.SessionHistory;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.hours.WorkSession;

/**
 * Rest signals read from the hour log alone: nobody is on pause and everyone's limit is the same,
 * until personal rest settings say otherwise.
 */
public final class HourLogRest implements RestSignals {
  /** A working day long enough that going past it calls for rest before a watch. */
  public static final Duration DEFAULT_DAILY_LIMIT = Duration.ofHours(10);

  private static final Duration DAY = Duration.ofHours(24);

  private final SessionHistory history;
  private final SessionRules rules;

  public HourLogRest(SessionHistory history, SessionRules rules) {
    this.history = Objects.requireNonNull(history, "history");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public boolean onPause(String teamId, String userId, Instant at) {
    return false;
  }

  @Override
  public Duration dailyLimit(String teamId, String userId) {
    return DEFAULT_DAILY_LIMIT;
  }

  @Override
  public Duration workedLast24h(String teamId, String userId, Instant at) {
    Instant from = at.minus(DAY);
    List<Instant[]> spans = new ArrayList<>();
    for (WorkSession s : history.sessions(teamId, userId, from, at)) {
      if (s.source() == SessionSource.DUTY) {
        continue;
      }
      Instant start = s.start().isBefore(from) ? from : s.start();
      Instant end = s.coveredUntil(rules).isAfter(at) ? at : s.coveredUntil(rules);
      if (start.isBefore(end)) {
        spans.add(new Instant[] {start, end});
      }
    }
    return unionLength(spans);
  }

  // Sessions of different sources may overlap; overlapping time is counted once.
  private static Duration unionLength(List<Instant[]> spans) {
    spans.sort(Comparator.comparing(s -> s[0]));
    Duration total = Duration.ZERO;
    Instant start = null;
    Instant end = null;
    for (Instant[] s : spans) {
      if (end != null && !s[0].isAfter(end)) {
        end = s[1].isAfter(end) ? s[1] : end;
        continue;
      }
      if (end != null) {
        total = total.plus(Duration.between(start, end));
      }
      start = s[0];
      end = s[1];
    }
    return end == null ? total : total.plus(Duration.between(start, end));
  }
}
