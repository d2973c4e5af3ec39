package org.secondshift.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrentSessionTest {

  private static final HourLog LOG =
      new HourLog(SessionRules.defaults(), QuietWindow.lateNightDefault());

  @ParameterizedTest(name = "{0}: at {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      right after activity          | A 09:00-09:40              | 09:40 | PT40M
      within the tail               | A 09:00-09:40              | 09:45 | PT45M
      at the end of the tail        | A 09:00-09:40              | 09:50 | PT50M
      idle past the tail stops      | A 09:00-09:40              | 10:00 | PT50M
      just under the gap            | A 09:00-09:40              | 10:09 | PT50M
      exactly the gap ends it       | A 09:00-09:40              | 10:10 | -
      before the session started    | A 09:00-09:40              | 08:55 | -
      activity recorded after now   | A 09:00-09:40              | 09:30 | PT30M
      the latest session runs       | A 08:00-08:10, A 09:00-09:40 | 09:45 | PT45M
      manual sessions do not run    | M 09:00-09:40              | 09:45 | -
      duty does not run             | D 09:00-09:40              | 09:45 | -
      nothing logged                | -                          | 09:45 | -
      """)
  void measuresTheRunningActivitySessionUpToNowAndNoFurtherThanItsTail(
      String name, String sessions, LocalTime now, Duration expected) {
    List<WorkSession> logged = sessions == null ? List.of() : HourLogTest.onTuesday(sessions);
    Instant at = HourLogTest.tuesdayAt(now.toString());

    assertThat(LOG.currentSession(logged, at)).isEqualTo(Optional.ofNullable(expected));
  }
}
