package org.secondshift.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoWeekTest {

  @ParameterizedTest(name = "{0} is week {2} of {1}, starting {3}")
  @CsvSource(
      textBlock =
          """
      2026-W48, 2026, 48, 2026-11-23
      2026-w48, 2026, 48, 2026-11-23
      2026-W01, 2026,  1, 2025-12-29
      2026-W53, 2026, 53, 2026-12-28
      2020-W53, 2020, 53, 2020-12-28
      2025-W52, 2025, 52, 2025-12-22
      2027-W01, 2027,  1, 2027-01-04
      """)
  void parsesWeeksAndFindsTheirMonday(String text, int year, int week, LocalDate monday) {
    IsoWeek parsed = IsoWeek.parse(text);

    assertThat(parsed).isEqualTo(new IsoWeek(year, week));
    assertThat(parsed.monday()).isEqualTo(monday);
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "2025-W53", "2027-W53", "2026-W54", "2026-W00", "2026-W4", "2026-W123", "2026W48",
        "2026-48", "26-W48", " 2026-W48", "2026-W48 ", "2026-X48", "0000-W01", "2026-W-1"
      })
  void rejectsWhatIsNotAnIsoWeek(String text) {
    assertThatThrownBy(() -> IsoWeek.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(text));
  }

  @Test
  void explainsWhyAWeekDoesNotExist() {
    assertThatThrownBy(() -> IsoWeek.parse("2025-W53"))
        .hasMessageContaining("week must be between 1 and 52 in 2025");
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource(
      textBlock =
          """
      2025-12-29, 2026-W01
      2026-01-01, 2026-W01
      2027-01-03, 2026-W53
      2026-11-29, 2026-W48
      2021-01-03, 2020-W53
      """)
  void findsTheWeekOfADate(LocalDate date, String week) {
    assertThat(IsoWeek.of(date)).hasToString(week);
  }

  @Test
  void listsMondayToSunday() {
    assertThat(IsoWeek.parse("2026-W01").days())
        .containsExactly(
            LocalDate.parse("2025-12-29"),
            LocalDate.parse("2025-12-30"),
            LocalDate.parse("2025-12-31"),
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-01-02"),
            LocalDate.parse("2026-01-03"),
            LocalDate.parse("2026-01-04"));
  }

  @ParameterizedTest(name = "{0} comes after {1} and before {2}")
  @CsvSource(
      textBlock =
          """
      2026-W01, 2025-W52, 2026-W02
      2026-W53, 2026-W52, 2027-W01
      2021-W01, 2020-W53, 2021-W02
      """)
  void stepsAcrossYearEnds(String week, String previous, String next) {
    IsoWeek parsed = IsoWeek.parse(week);

    assertThat(parsed.previous()).hasToString(previous);
    assertThat(parsed.next()).hasToString(next);
  }

  @Test
  void writesFourDigitYearsAndTwoDigitWeeks() {
    assertThat(new IsoWeek(987, 3)).hasToString("0987-W03");
  }
}
