package org.secondshift.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.secondshift.hours.DayHours;
import org.secondshift.hours.WeekHours;
import org.secondshift.testing.MemberWeeks;

class LoadChartTest {

  @Test
  void drawsAPngWithItsOwnLightBackgroundAndTheThreeSeries() throws Exception {
    List<MemberWeek> team =
        List.of(
            MemberWeeks.member("U1", null, new double[] {9, 10, 8, 11, 9, 3, 0}, 2),
            MemberWeeks.member("U2", null, new double[] {7, 8, 9, 10, 12, 0, 2}, 0),
            MemberWeeks.member("U3", null, new double[] {6, 6, 7, 6, 7, 1, 1}, 1));
    WeeklySummary s =
        WeeklySummary.of(
            MemberWeeks.W48,
            team,
            List.of(),
            new CaptainTally(2, Duration.ofHours(24)),
            new NudgeTally(4, Map.of()));

    byte[] png = LoadChart.png(s);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/summary-chart.png"), png);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    // Drawn at twice its size, for sharp high-density screens.
    assertThat(image.getWidth()).isEqualTo(2 * LoadChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(2 * LoadChart.HEIGHT);
    // The corner is the card colour, not transparent: the chart looks the same in both themes.
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xF8F8FA);
    assertThat(image.getRGB(2, 2) >>> 24).isEqualTo(0xFF);
    assertThat(containsColour(image, 0x2E86C1)).as("daytime bars").isTrue();
    assertThat(containsColour(image, 0x4A235A)).as("late-night bars").isTrue();
    // No captain rotation this week: neither bars nor a legend entry in the duty colour.
    assertThat(containsColour(image, 0xE69F00)).as("captain duty").isFalse();
  }

  @Test
  void aWeekWithCaptainDutyDrawsItInItsOwnColour() throws Exception {
    List<DayHours> days = new ArrayList<>();
    for (LocalDate date : MemberWeeks.W48.days()) {
      days.add(new DayHours(date, Duration.ofHours(8), Duration.ZERO, Duration.ofHours(6)));
    }
    MemberWeek captain =
        new MemberWeek(
            "U1", Optional.empty(), new WeekHours(MemberWeeks.W48, ZoneId.of("UTC"), days));
    WeeklySummary s =
        WeeklySummary.of(
            MemberWeeks.W48,
            List.of(captain, MemberWeeks.member("U2", null, MemberWeeks.weekdays(8), 0)),
            List.of(),
            new CaptainTally(7, Duration.ofHours(42)),
            new NudgeTally(0, Map.of()));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(LoadChart.png(s)));
    assertThat(containsColour(image, 0xE69F00)).as("captain duty").isTrue();
  }

  @Test
  void gridlinesComeEveryFourOrFiveHoursForASmallTeamAndWiderForALargeOne() {
    assertThat(LoadChart.gridStep(0)).isEqualTo(4);
    assertThat(LoadChart.gridStep(30)).isEqualTo(4);
    assertThat(LoadChart.gridStep(33)).isEqualTo(5);
    assertThat(LoadChart.gridStep(40)).isEqualTo(5);
    assertThat(LoadChart.gridStep(120)).isEqualTo(20);
  }

  private static boolean containsColour(BufferedImage image, int rgb) {
    for (int x = 0; x < image.getWidth(); x += 2) {
      for (int y = 0; y < image.getHeight(); y += 2) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          return true;
        }
      }
    }
    return false;
  }
}
