package org.secondshift.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsOfTest {
  private final HourLog log = new HourLog(SessionRules.defaults(), QuietWindow.lateNightDefault());
  private final ZoneId berlin = ZoneId.of("Europe/Berlin");
  private final Instant start = Instant.parse("2026-11-24T08:00:00Z");
  private final List<WorkSession> running =
      List.of(
          new WorkSession(1, start, start.plus(Duration.ofMinutes(25)), SessionSource.ACTIVITY));

  @Test
  void aRunningSessionsTailIsNotCountedBeforeItHappens() {
    Instant now = start.plus(Duration.ofMinutes(30));
    assertThat(log.day(running, berlin, LocalDate.of(2026, 11, 24), now).active())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(log.week(running, berlin, IsoWeek.parse("2026-W48"), now).total())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void onceTheTailHasPassedTheWholeSessionCounts() {
    Instant later = start.plus(Duration.ofHours(5));
    assertThat(log.day(running, berlin, LocalDate.of(2026, 11, 24), later).active())
        .isEqualTo(Duration.ofMinutes(35));
  }

  @Test
  void sessionsStartingAfterAsOfAreIgnored() {
    assertThat(log.day(running, berlin, LocalDate.of(2026, 11, 24), start.minusSeconds(1)).active())
        .isZero();
  }
}
