package org.secondshift.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.secondshift.hours.IsoWeek;
import org.secondshift.sandbox.SlackDates;

class WhenTest {
  private static final Instant HANDOFF = Instant.parse("2026-12-03T20:00:00Z");

  @Test
  void zonesAreNamedByTheirPlaceNeverByTheirId() {
    assertThat(When.zone(ZoneId.of("Europe/Berlin"))).isEqualTo("Berlin time");
    assertThat(When.zone(ZoneId.of("America/New_York"))).isEqualTo("New York time");
    assertThat(When.zone(ZoneId.of("America/Argentina/Buenos_Aires")))
        .isEqualTo("Buenos Aires time");
    assertThat(When.zone(ZoneId.of("UTC"))).isEqualTo("UTC");
    assertThat(When.zone(ZoneOffset.UTC)).isEqualTo("UTC");
    assertThat(When.zone(ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("UTC+05:30");
  }

  @Test
  void aTimeReadsInEachReadersOwnZoneAndFallsBackToTheRotationsZoneByName() {
    String text = "until " + When.forEachReader(HANDOFF, ZoneId.of("Europe/Berlin"));
    Instant noon = Instant.parse("2026-12-03T11:00:00Z");

    assertThat(SlackDates.readIn(text, ZoneId.of("Europe/Berlin"), noon))
        .isEqualTo("until 21:00 today");
    // Ravi in Kolkata reads it in his own time, which is past midnight, so tomorrow.
    assertThat(SlackDates.readIn(text, ZoneId.of("Asia/Kolkata"), noon))
        .isEqualTo("until 01:30 tomorrow");
    assertThat(SlackDates.readIn(text, ZoneId.of("America/Los_Angeles"), noon))
        .isEqualTo("until 12:00 today");
    assertThat(SlackDates.fallbacks(text)).isEqualTo("until Thu 3 Dec 21:00 Berlin time");
  }

  @Test
  void aWeekIsNamedByItsMonday() {
    assertThat(When.week(IsoWeek.parse("2026-W49"))).isEqualTo("the week of 30 Nov");
    assertThat(When.week(IsoWeek.parse("2027-W01"))).isEqualTo("the week of 4 Jan");
  }
}
