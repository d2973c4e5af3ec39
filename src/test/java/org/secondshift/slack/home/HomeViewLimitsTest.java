package org.secondshift.slack.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secondshift.hours.DayHours;
import org.secondshift.hours.IsoWeek;
import org.secondshift.hours.WeekHours;
import org.secondshift.sandbox.SlackStandIn;

class HomeViewLimitsTest {
  /** Home's blocks on Monday 23 Nov, 09:00 in Berlin, with an empty week. */
  private static String home(List<String> shifts, Optional<LocalDate> pausedUntil) {
    IsoWeek week = IsoWeek.of(LocalDate.of(2026, 11, 23));
    HomeData d =
        new HomeData(
            Instant.parse("2026-11-23T08:00:00Z"),
            new WeekHours(
                week,
                ZoneId.of("Europe/Berlin"),
                week.days().stream().map(DayHours::empty).toList()),
            Optional.empty(),
            Optional.empty(),
            shifts,
            List.of(),
            new PersonalSettings.Choices(
                LocalTime.of(23, 0),
                LocalTime.of(7, 0),
                Duration.ofHours(10),
                true,
                false,
                Optional.empty(),
                pausedUntil));
    return GsonFactory.createSnakeCase().toJson(HomeView.of(d).getBlocks());
  }

  @Test
  void aPersonInTwoHundredRotationsGetsAHomeTabSlackAccepts() {
    List<String> shifts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      shifts.add(
          "<#C0CHANNEL%03d>: Mon 23 Nov 09:00 – Mon 23 Nov 21:00, then every 12 h".formatted(i));
    }

    String blocks = home(shifts, Optional.empty());

    assertThat(SlackStandIn.blocksProblem(blocks, true)).isEmpty();
    assertThat(blocks).contains("C0CHANNEL000").contains("C0CHANNEL199");
  }

  @Test
  void homeSaysUntilWhenNudgesArePausedAndForgetsAPauseThatIsOver() {
    assertThat(home(List.of(), Optional.of(LocalDate.of(2026, 12, 27))))
        .contains("nudges paused until Sun 27 Dec");
    assertThat(home(List.of(), Optional.of(LocalDate.of(2026, 11, 20))))
        .contains("nudges on")
        .doesNotContain("paused");
    assertThat(home(List.of(), Optional.empty())).contains("nudges on");
  }
}
