package org.secondshift.slack.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.store.PersonalData;

/** The exported tables as a person and a spreadsheet read them. */
class DataExportTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final SessionRules RULES =
      new SessionRules(Duration.ofMinutes(30), Duration.ofMinutes(10));

  @Test
  void eachTimeCarriesTheOffsetItsZoneHadThenAcrossTheAutumnChange() {
    // Berlin left summer time at 03:00 on 25 October 2026: the night's two rows differ in offset.
    String hours =
        DataExport.hours(
            List.of(
                new PersonalData.SessionRow(
                    Instant.parse("2026-10-24T22:00:00.250Z"),
                    Instant.parse("2026-10-25T02:30:00Z"),
                    SessionSource.DUTY)),
            BERLIN,
            RULES);
    assertThat(hours)
        .isEqualTo(
            "What,Started,Ended,Minutes\r\n"
                + "Captain on duty,2026-10-25T00:00:00+02:00,2026-10-25T03:30:00+01:00,270\r\n");
  }

  @Test
  void nudgesReadAsWordsWithTheAnswerAndWhenItCame() {
    String nudges =
        DataExport.nudges(
            List.of(
                new PersonalData.NudgeRow(
                    "long_stretch",
                    Instant.parse("2026-11-24T12:10:00Z"),
                    "2026-11-24",
                    "snooze",
                    Instant.parse("2026-11-24T12:12:30Z")),
                new PersonalData.NudgeRow(
                    "late_night", Instant.parse("2026-11-24T23:30:00Z"), "2026-11-25", null, null)),
            BERLIN);
    assertThat(nudges)
        .isEqualTo(
            "Nudge,Sent,For the day,Your answer,Answered\r\n"
                + "A long stretch without a break,2026-11-24T13:10:00+01:00,2026-11-24,"
                + "Snoozed for an hour,2026-11-24T13:12:30+01:00\r\n"
                + "Late at night,2026-11-25T00:30:00+01:00,2026-11-25,,\r\n");
  }

  @Test
  void theSameDataMakesTheSameZip() {
    Instant at = Instant.parse("2026-12-03T10:00:00Z");
    byte[] one = DataExport.zip(List.of(), List.of(), BERLIN, RULES, at);
    byte[] two = DataExport.zip(List.of(), List.of(), BERLIN, RULES, at);
    assertThat(one).isEqualTo(two);
  }
}
