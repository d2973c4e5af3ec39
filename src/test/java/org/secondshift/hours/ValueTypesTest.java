package org.secondshift.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTypesTest {

  private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");
  private static final LocalDate MONDAY = LocalDate.parse("2026-01-05");

  static Stream<Arguments> invalidValues() {
    Duration hour = Duration.ofHours(1);
    return Stream.of(
        Arguments.of(
            "session ending before it starts",
            "last",
            (Executable) () -> new WorkSession(1, T, T.minusSeconds(1), SessionSource.MANUAL)),
        Arguments.of(
            "session with a negative id",
            "id",
            (Executable) () -> new WorkSession(-1, T, T, SessionSource.ACTIVITY)),
        Arguments.of(
            "session without a source",
            "source",
            (Executable) () -> new WorkSession(1, T, T, null)),
        Arguments.of(
            "rules with a zero gap",
            "gap",
            (Executable) () -> new SessionRules(Duration.ZERO, hour)),
        Arguments.of(
            "rules with a negative tail",
            "tail",
            (Executable) () -> new SessionRules(hour, hour.negated())),
        Arguments.of(
            "quiet window of no length",
            "from and to",
            (Executable) () -> new QuietWindow(LocalTime.NOON, LocalTime.NOON)),
        Arguments.of(
            "day with negative duty",
            "duty",
            (Executable) () -> new DayHours(MONDAY, hour, hour, hour.negated())),
        Arguments.of(
            "day with more late-night than active",
            "lateNight",
            (Executable) () -> new DayHours(MONDAY, hour, hour.multipliedBy(2), Duration.ZERO)),
        Arguments.of(
            "merge removing the kept id",
            "removedIds",
            (Executable) () -> new Merge(WorkSession.activityAt(T).withId(3), List.of(3L), true)),
        Arguments.of(
            "week with six days",
            "days",
            (Executable)
                () ->
                    new WeekHours(
                        IsoWeek.of(MONDAY), ZoneOffset.UTC, List.of(DayHours.empty(MONDAY)))));
  }

  @ParameterizedTest(name = "rejects a {0}")
  @MethodSource("invalidValues")
  void rejectsInvalidValuesNamingTheField(String name, String field, Executable create) {
    assertThatThrownBy(create::execute).hasMessageContaining(field);
  }

  @Test
  void defaultsToAHalfHourGapAndTenMinuteTail() {
    assertThat(SessionRules.defaults())
        .isEqualTo(new SessionRules(Duration.ofMinutes(30), Duration.ofMinutes(10)));
  }

  @Test
  void coversTheTailOnlyForActivity() {
    SessionRules rules = SessionRules.defaults();
    Instant end = T.plusSeconds(600);

    assertThat(WorkSession.activityAt(T).coveredUntil(rules)).isEqualTo(T.plus(rules.tail()));
    assertThat(WorkSession.manual(T, end).coveredUntil(rules)).isEqualTo(end);
    assertThat(WorkSession.duty(T, end).coveredUntil(rules)).isEqualTo(end);
  }

  @Test
  void treatsSaturdayAndSundayAsTheWeekend() {
    assertThat(IsoWeek.of(MONDAY).days().stream().map(DayHours::empty).map(DayHours::isWeekend))
        .containsExactly(false, false, false, false, false, true, true);
  }
}
