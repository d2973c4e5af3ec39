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
  @Test
  void aPersonInTwoHundredRotationsGetsAHomeTabSlackAccepts() {
    List<String> shifts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      shifts.add(
          "<#C0CHANNEL%03d>: Mon 23 Nov 09:00 – Mon 23 Nov 21:00, then every 12 h".formatted(i));
    }
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
                Optional.empty()));

    String blocks = GsonFactory.createSnakeCase().toJson(HomeView.of(d).getBlocks());

    assertThat(SlackStandIn.blocksProblem(blocks, true)).isEmpty();
    assertThat(blocks).contains("C0CHANNEL000").contains("C0CHANNEL199");
  }

  @Test
  void homeSaysUntilWhenNudgesArePausedAndForgetsAPauseThatIsOver() {
    IsoWeek week = IsoWeek.of(LocalDate.of(2026, 11, 23));
    java.util.function.Function<Optional<LocalDate>, String> home =
        paused ->
            GsonFactory.createSnakeCase()
                .toJson(
                    HomeView.of(
                            new HomeData(
                                Instant.parse("2026-11-23T08:00:00Z"),
                                new WeekHours(
                                    week,
                                    ZoneId.of("Europe/Berlin"),
                                    week.days().stream().map(DayHours::empty).toList()),
                                Optional.empty(),
                                Optional.empty(),
                                List.of(),
                                List.of(),
                                new PersonalSettings.Choices(
                                    LocalTime.of(23, 0),
                                    LocalTime.of(7, 0),
                                    Duration.ofHours(10),
                                    true,
                                    false,
                                    Optional.empty(),
                                    paused)))
                        .getBlocks());

    assertThat(home.apply(Optional.of(LocalDate.of(2026, 12, 27))))
        .contains("nudges paused until Sun 27 Dec");
    assertThat(home.apply(Optional.of(LocalDate.of(2026, 11, 20))))
        .contains("nudges on")
        .doesNotContain("paused");
    assertThat(home.apply(Optional.empty())).contains("nudges on");
  }
}
