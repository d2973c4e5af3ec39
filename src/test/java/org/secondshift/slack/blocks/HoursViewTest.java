package org.secondshift.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secondshift.hours.DayHours;
import org.secondshift.hours.IsoWeek;
import org.secondshift.hours.WeekHours;

/** {@code /shift hours} as a pure view: one fixed scale, the daily limit, for every week. */
class HoursViewTest {
  private static final IsoWeek WEEK = IsoWeek.parse("2026-W48");
  private static final Duration LIMIT = Duration.ofHours(10);

  private static WeekHours week(Duration... perDay) {
    List<DayHours> days = new ArrayList<>();
    List<LocalDate> dates = WEEK.days();
    for (int i = 0; i < dates.size(); i++) {
      Duration d = i < perDay.length ? perDay[i] : Duration.ZERO;
      days.add(new DayHours(dates.get(i), d, Duration.ZERO, Duration.ZERO));
    }
    return new WeekHours(WEEK, ZoneId.of("Europe/Berlin"), days);
  }

  private static long cells(String table, String day) {
    String line =
        table
            .lines()
            .filter(l -> l.startsWith(day))
            .findFirst()
            .orElseThrow(() -> new AssertionError(day));
    return line.chars().filter(c -> c == '█').count();
  }

  private static String table(WeekHours week, Duration limit) {
    return GsonFactory.createSnakeCase()
        .toJson(HoursView.week(week, limit).blocks())
        .replace("\\n", "\n");
  }

  @Test
  void threeHoursFillAThirdOfTheBarNotAllOfIt() {
    String t = table(week(Duration.ofHours(3)), LIMIT);

    assertThat(cells(t, "Mon 23 Nov")).isEqualTo(4);
  }

  @Test
  void theScaleIsTheLimitSoTwoWeeksCompare() {
    String light = table(week(Duration.ofHours(5), Duration.ofHours(2)), LIMIT);
    String heavy = table(week(Duration.ofHours(5), Duration.ofHours(9)), LIMIT);

    assertThat(cells(light, "Mon 23 Nov")).isEqualTo(cells(heavy, "Mon 23 Nov")).isEqualTo(6);
  }

  @Test
  void aDayPastTheLimitFillsTheBarAndTheOthersShrinkToFit() {
    String t = table(week(Duration.ofHours(12), Duration.ofHours(6)), LIMIT);

    assertThat(cells(t, "Mon 23 Nov")).isEqualTo(12);
    assertThat(cells(t, "Tue 24 Nov")).isEqualTo(6);
  }
}
