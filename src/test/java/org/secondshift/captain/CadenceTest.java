package org.secondshift.captain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which shift is in force when a rotation is set up, on the local clock of its zone. */
class CadenceTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalTime NINE = LocalTime.of(9, 0);

  private static Rotation rotation(Cadence c, Instant now) {
    return Rotation.create("T1", "C1", List.of("a", "b"), c, c.shiftAt(NINE, BERLIN, now), BERLIN);
  }

  @Test
  void setUpAtTenTheShiftFromNineIsInForceAndEndsAtNine() {
    Instant tenBerlin = Instant.parse("2026-11-23T09:00:00Z");
    Rotation r = rotation(Cadence.ofHours(12), tenBerlin);
    assertThat(r.firstHandoff()).isEqualTo(LocalDateTime.parse("2026-11-23T09:00"));
    assertThat(r.boundary(1)).isEqualTo(Instant.parse("2026-11-23T20:00:00Z"));
  }

  @Test
  void setUpBeforeTheFirstHandoffTimeTheOvernightShiftIsInForce() {
    Instant eightBerlin = Instant.parse("2026-11-23T07:00:00Z");
    assertThat(Cadence.ofHours(12).shiftAt(NINE, BERLIN, eightBerlin))
        .isEqualTo(LocalDateTime.parse("2026-11-22T21:00"));
    assertThat(Cadence.ofHours(4).shiftAt(NINE, BERLIN, eightBerlin))
        .isEqualTo(LocalDateTime.parse("2026-11-23T05:00"));
  }

  @Test
  void setUpExactlyAtABoundaryThatShiftStartsThen() {
    Instant nineBerlin = Instant.parse("2026-11-23T08:00:00Z");
    assertThat(Cadence.ofHours(12).shiftAt(NINE, BERLIN, nineBerlin))
        .isEqualTo(LocalDateTime.parse("2026-11-23T09:00"));
  }

  @Test
  void dailyAndWeeklyShiftsInForceEndAtTheNextNine() {
    Instant tenBerlin = Instant.parse("2026-11-23T09:00:00Z");
    assertThat(rotation(Cadence.daily(), tenBerlin).boundary(1))
        .isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    Instant eightBerlin = Instant.parse("2026-11-23T07:00:00Z");
    assertThat(rotation(Cadence.weekly(), eightBerlin).boundary(1))
        .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
  }

  @Test
  void aShiftInForceAcrossTheSpringChangeIsAnHourShorter() {
    // Sunday 29 March 2026, 05:00 CEST: the clocks went from 02:00 to 03:00 overnight.
    Instant fiveBerlin = Instant.parse("2026-03-29T03:00:00Z");
    Rotation r = rotation(Cadence.ofHours(12), fiveBerlin);
    assertThat(r.boundary(0)).isEqualTo(Instant.parse("2026-03-28T20:00:00Z"));
    assertThat(r.boundary(1)).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    assertThat(r.boundary(2)).isEqualTo(Instant.parse("2026-03-29T19:00:00Z"));
  }

  @Test
  void aShiftInForceAcrossTheAutumnChangeIsAnHourLonger() {
    // Sunday 25 October 2026, 08:00 CET: the clocks went from 03:00 back to 02:00 overnight.
    Instant eightBerlin = Instant.parse("2026-10-25T07:00:00Z");
    Rotation r = rotation(Cadence.ofHours(12), eightBerlin);
    assertThat(r.boundary(0)).isEqualTo(Instant.parse("2026-10-24T19:00:00Z"));
    assertThat(r.boundary(1)).isEqualTo(Instant.parse("2026-10-25T08:00:00Z"));
  }

  @Test
  void inTheSpringGapAShiftOfTwoOClockStartsAtThree() {
    // 02:00 does not exist on 29 March in Berlin; the 02:00 shift begins at 03:00 CEST.
    Instant halfPastThree = Instant.parse("2026-03-29T01:30:00Z");
    Rotation r =
        Rotation.create(
            "T1",
            "C1",
            List.of("a"),
            Cadence.ofHours(2),
            Cadence.ofHours(2).shiftAt(LocalTime.of(2, 0), BERLIN, halfPastThree),
            BERLIN);
    assertThat(r.boundary(0)).isBeforeOrEqualTo(halfPastThree);
    assertThat(r.boundary(1)).isAfter(halfPastThree);
    assertThat(r.boundary(1)).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
  }
}
