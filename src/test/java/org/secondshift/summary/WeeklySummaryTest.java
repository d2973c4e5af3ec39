package org.secondshift.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secondshift.testing.MemberWeeks.W48;
import static org.secondshift.testing.MemberWeeks.everyDay;
import static org.secondshift.testing.MemberWeeks.member;
import static org.secondshift.testing.MemberWeeks.weekdays;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklySummaryTest {
  @Test
  void totalsMedianAndDistributionNeverRankPeople() {
    List<MemberWeek> team =
        List.of(
            member("U1", null, weekdays(2), 0), member("U2", null, weekdays(6), 0),
            member("U3", null, weekdays(9), 0), member("U4", null, weekdays(12), 0));
    WeeklySummary s =
        WeeklySummary.of(W48, team, List.of(), CaptainTally.none(), NudgeTally.none());

    assertThat(s.people()).isEqualTo(4);
    assertThat(s.total()).isEqualTo(Duration.ofHours(145));
    assertThat(s.median()).isEqualTo(Duration.ofMinutes(37 * 60 + 30));
    assertThat(s.distribution())
        .extracting(WeeklySummary.Band::label, WeeklySummary.Band::people)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0–10 h", 0),
            org.assertj.core.groups.Tuple.tuple("10–20 h", 1),
            org.assertj.core.groups.Tuple.tuple("20–30 h", 0),
            org.assertj.core.groups.Tuple.tuple("30–40 h", 1),
            org.assertj.core.groups.Tuple.tuple("40–50 h", 1),
            org.assertj.core.groups.Tuple.tuple("50–60 h", 0),
            org.assertj.core.groups.Tuple.tuple("60+ h", 1));
  }

  @Test
  void groupsSmallerThanThreeShowNoFigures() {
    List<MemberWeek> pair =
        List.of(
            member("U1", "Ada", weekdays(8), 0),
            member("U2", null, weekdays(8), 0),
            member("U3", null, weekdays(0), 0));
    WeeklySummary s =
        WeeklySummary.of(W48, pair, List.of(), CaptainTally.none(), NudgeTally.none());
    assertThat(s.people()).isEqualTo(2);
    assertThat(s.showsFigures()).isFalse();
    assertThat(s.highlight()).isEqualTo(Highlight.TOO_FEW_PEOPLE);
  }

  @Test
  void onlyOptedInNamesAppearAmongThoseWithoutADayOff() {
    List<MemberWeek> team =
        List.of(
            member("U1", "Ada", everyDay(3), 0),
            member("U2", null, everyDay(3), 0),
            member("U3", "Bo", weekdays(8), 0),
            member("U4", null, weekdays(8), 0));
    WeeklySummary s =
        WeeklySummary.of(W48, team, List.of(), CaptainTally.none(), NudgeTally.none());
    assertThat(s.noDayOff()).isEqualTo(2);
    assertThat(s.noDayOffNames()).containsExactly("Ada");
    assertThat(s.highlight()).isEqualTo(Highlight.NO_DAY_OFF);
  }

  @Test
  void aDayUnderAnHourCountsAsADayOff() {
    double[] almost = {8, 8, 8, 8, 8, 8, 0.9};
    assertThat(member("U1", null, almost, 0).hadNoDayOff()).isFalse();
    assertThat(member("U1", null, everyDay(1), 0).hadNoDayOff()).isTrue();
  }

  @Test
  void lateNightShareLeadsWhenItIsHigh() {
    List<MemberWeek> team =
        List.of(
            member("U1", null, weekdays(8), 4),
            member("U2", null, weekdays(8), 4),
            member("U3", null, weekdays(8), 0));
    WeeklySummary s =
        WeeklySummary.of(W48, team, List.of(), CaptainTally.none(), NudgeTally.none());
    assertThat(s.lateNightShare()).isCloseTo(8.0 / 120, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.highlight()).isEqualTo(Highlight.STEADY);
    List<MemberWeek> lateTeam =
        List.of(
            member("U1", null, weekdays(4), 4),
            member("U2", null, weekdays(4), 4),
            member("U3", null, weekdays(4), 4));
    assertThat(
            WeeklySummary.of(W48, lateTeam, List.of(), CaptainTally.none(), NudgeTally.none())
                .highlight())
        .isEqualTo(Highlight.LATE_NIGHT);
  }

  @Test
  void changeIsMeasuredAgainstTheWeekBefore() {
    List<MemberWeek> now =
        List.of(
            member("U1", null, weekdays(10), 0),
            member("U2", null, weekdays(10), 0),
            member("U3", null, weekdays(10), 0));
    List<MemberWeek> before =
        List.of(
            member("U1", null, weekdays(8), 0),
            member("U2", null, weekdays(8), 0),
            member("U3", null, weekdays(8), 0));
    WeeklySummary s = WeeklySummary.of(W48, now, before, CaptainTally.none(), NudgeTally.none());
    assertThat(s.change())
        .hasValueSatisfying(
            c -> assertThat(c).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(s.highlight()).isEqualTo(Highlight.HOURS_UP);
    assertThat(
            WeeklySummary.of(W48, now, List.of(), CaptainTally.none(), NudgeTally.none()).change())
        .isEmpty();
  }

  @Test
  void aRiseThePostShowsAsTwentyPercentIsCalledARise() {
    List<MemberWeek> before =
        List.of(
            member("U1", null, weekdays(10), 0),
            member("U2", null, weekdays(10), 0),
            member("U3", null, weekdays(10), 0));
    List<MemberWeek> now =
        List.of(
            member("U1", null, weekdays(11.96), 0),
            member("U2", null, weekdays(11.96), 0),
            member("U3", null, weekdays(11.96), 0));

    WeeklySummary s = WeeklySummary.of(W48, now, before, CaptainTally.none(), NudgeTally.none());

    assertThat(s.change()).hasValueSatisfying(c -> assertThat(c).isLessThan(0.2));
    assertThat(s.highlight()).isEqualTo(Highlight.HOURS_UP);
    assertThat(org.secondshift.slack.blocks.SummaryView.message(s).text())
        .startsWith("The team worked 20% more than the week before.");
  }

  @Test
  void aWeekBeforeTheBotSawItAllIsNeverComparedWith() {
    List<MemberWeek> now =
        List.of(
            member("U1", null, weekdays(10), 0),
            member("U2", null, weekdays(10), 0),
            member("U3", null, weekdays(10), 0));
    // Half a week of data before it (the bot came on Thursday): more hours now, but no "up".
    List<MemberWeek> partly =
        List.of(
            member("U1", null, weekdays(3), 0),
            member("U2", null, weekdays(3), 0),
            member("U3", null, weekdays(3), 0));

    WeeklySummary s =
        WeeklySummary.of(W48, now, partly, false, CaptainTally.none(), NudgeTally.none());

    assertThat(s.change()).isEmpty();
    assertThat(s.firstFullWeek()).isTrue();
    assertThat(s.highlight()).isNotIn(Highlight.HOURS_UP, Highlight.HOURS_DOWN);
    assertThat(org.secondshift.slack.blocks.SummaryView.message(s).text())
        .doesNotContain("vs last week")
        .doesNotContain("more than the week before");
    assertThat(
            com.slack.api.util.json.GsonFactory.createSnakeCase()
                .toJson(org.secondshift.slack.blocks.SummaryView.message(s).blocks()))
        .contains("the first full week I saw");
  }

  @Test
  void dayLoadsSplitDaytimeLateNightAndDutyForTheChart() {
    List<MemberWeek> team =
        List.of(
            member("U1", null, weekdays(8), 2),
            member("U2", null, weekdays(8), 0),
            member("U3", null, weekdays(8), 0));
    WeeklySummary s =
        WeeklySummary.of(
            W48,
            team,
            List.of(),
            new CaptainTally(2, Duration.ofHours(24)),
            new NudgeTally(5, Map.of("break", 3, "snooze", 1)));
    assertThat(s.days()).hasSize(7);
    assertThat(s.days().get(0).daytime()).isEqualTo(Duration.ofHours(22));
    assertThat(s.days().get(0).lateNight()).isEqualTo(Duration.ofHours(2));
    assertThat(s.nudges().answered()).isEqualTo(4);
  }
}
