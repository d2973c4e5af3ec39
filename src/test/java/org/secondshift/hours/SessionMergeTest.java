package org.secondshift.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionMergeTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final SessionRules RULES = SessionRules.defaults();

  @ParameterizedTest(name = "{0}: nearby [{1}] + minute {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      inside                        | 1:0-20         | 10 | 1:0-20  | -   | false
      inside at the first activity  | 1:0-20         | 0  | 1:0-20  | -   | false
      inside at the last activity   | 1:0-20         | 20 | 1:0-20  | -   | false
      extend forward                | 1:0-20         | 45 | 1:0-45  | -   | true
      extend backward               | 1:30-40        | 5  | 1:5-40  | -   | true
      bridge two                    | 1:0-20,2:45-60 | 32 | 1:0-60  | 2   | true
      bridge keeps the smallest id  | 7:0-20,3:45-60 | 32 | 3:0-60  | 7   | true
      bridge three                  | 4:0-10,5:35-40,6:65-70 | 38 | 4:0-70 | 5,6 | true
      new with nothing nearby       | -              | 10 | 0:10-10 | -   | true
      exactly gap after stays apart | 1:0-20         | 50 | 0:50-50 | -   | true
      exactly gap before stays apart| 1:40-60        | 10 | 0:10-10 | -   | true
      ignores a session too far     | 1:0-20,2:100-120 | 25 | 1:0-25 | -  | true
      ignores an unstored session   | 0:0-20         | 25 | 0:25-25 | -   | true
      ignores a repeated session    | 1:0-20,1:0-20  | 25 | 1:0-25  | -   | true
      """)
  void absorbsActivityIntoNearbySessions(
      String name, String nearby, int minute, String expected, String removed, boolean changed) {
    Merge merge = SessionMerge.absorb(sessions(nearby), at(minute), RULES);

    assertThat(merge.session()).isEqualTo(session(expected));
    assertThat(merge.removedIds()).isEqualTo(ids(removed));
    assertThat(merge.changed()).isEqualTo(changed);
  }

  @Test
  void ignoresManualAndDutySessions() {
    List<WorkSession> nearby =
        List.of(
            new WorkSession(1, at(0), at(20), SessionSource.MANUAL),
            new WorkSession(2, at(0), at(20), SessionSource.DUTY));

    Merge merge = SessionMerge.absorb(nearby, at(10), RULES);

    assertThat(merge.session()).isEqualTo(WorkSession.activityAt(at(10)));
    assertThat(merge.removedIds()).isEmpty();
  }

  @Test
  void doesNotDependOnTheOrderOfNearbySessions() {
    List<WorkSession> forward = sessions("1:0-20,2:45-60");
    List<WorkSession> backward = sessions("2:45-60,1:0-20");

    assertThat(SessionMerge.absorb(backward, at(32), RULES))
        .isEqualTo(SessionMerge.absorb(forward, at(32), RULES));
  }

  static Instant at(long minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  /** Parses "id:startMinute-lastMinute". */
  static WorkSession session(String text) {
    String[] idAndRange = text.trim().split(":");
    String[] range = idAndRange[1].split("-");
    return new WorkSession(
        Long.parseLong(idAndRange[0]),
        at(Long.parseLong(range[0])),
        at(Long.parseLong(range[1])),
        SessionSource.ACTIVITY);
  }

  static List<WorkSession> sessions(String text) {
    List<WorkSession> result = new ArrayList<>();
    if (text != null) {
      Arrays.stream(text.split(",")).map(SessionMergeTest::session).forEach(result::add);
    }
    return result;
  }

  static List<Long> ids(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
  }
}
