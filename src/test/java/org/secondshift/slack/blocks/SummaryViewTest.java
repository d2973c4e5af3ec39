package org.secondshift.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondshift.summary.CaptainTally;
import org.secondshift.summary.MemberWeek;
import org.secondshift.summary.NudgeTally;
import org.secondshift.summary.WeeklySummary;
import org.secondshift.testing.MemberWeeks;

class SummaryViewTest {

  private static JsonArray blocks(SummaryView.Message m) {
    return GsonFactory.createSnakeCase().toJsonTree(m.blocks()).getAsJsonArray();
  }

  @Test
  void aFiveHundredPersonChannelStaysInsideSlacksBlockLimits() {
    List<MemberWeek> team = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String name = i % 2 == 0 ? "Teammate number " + i + " with a long display name" : null;
      team.add(MemberWeeks.member("U" + i, name, new double[] {9, 9, 9, 9, 9, 2, 2 + i % 3}, 1));
    }
    WeeklySummary s =
        WeeklySummary.of(
            MemberWeeks.W48,
            team,
            List.of(),
            new CaptainTally(14, Duration.ofHours(168)),
            new NudgeTally(320, Map.of("break", 100, "snooze", 50)));

    JsonArray blocks = blocks(SummaryView.message(s));

    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    for (JsonElement e : blocks) {
      JsonObject block = e.getAsJsonObject();
      String type = block.get("type").getAsString();
      if (type.equals("header")) {
        assertThat(block.getAsJsonObject("text").get("text").getAsString().length())
            .isLessThanOrEqualTo(150);
      }
      if (type.equals("section")) {
        if (block.has("text")) {
          assertThat(block.getAsJsonObject("text").get("text").getAsString().length())
              .isLessThanOrEqualTo(3000);
        }
        if (block.has("fields")) {
          assertThat(block.getAsJsonArray("fields").size()).isLessThanOrEqualTo(10);
          block
              .getAsJsonArray("fields")
              .forEach(
                  f ->
                      assertThat(f.getAsJsonObject().get("text").getAsString().length())
                          .isLessThanOrEqualTo(2000));
        }
      }
      if (type.equals("context")) {
        assertThat(block.getAsJsonArray("elements").size()).isLessThanOrEqualTo(10);
        block
            .getAsJsonArray("elements")
            .forEach(
                el ->
                    assertThat(el.getAsJsonObject().get("text").getAsString().length())
                        .isLessThanOrEqualTo(3000));
      }
    }
    assertThat(blocks.toString()).contains("and 230 more").contains("500 people");
  }

  @Test
  void aSmallGroupGetsNoFiguresAndNoNames() {
    List<MemberWeek> two =
        List.of(
            MemberWeeks.member("U1", "Ada", MemberWeeks.everyDay(9), 2),
            MemberWeeks.member("U2", null, MemberWeeks.everyDay(9), 0));
    SummaryView.Message m =
        SummaryView.message(
            WeeklySummary.of(
                MemberWeeks.W48, two, List.of(), CaptainTally.none(), NudgeTally.none()));
    String json = blocks(m).toString();
    assertThat(json).doesNotContain("Ada").doesNotContain("Median").doesNotContain("63 h");
    assertThat(m.text()).contains("Too few people");
  }

  @Test
  void theTopSentenceSaysWhatMattersMost() {
    List<MemberWeek> team =
        List.of(
            MemberWeeks.member("U1", "Ada", MemberWeeks.everyDay(9), 0),
            MemberWeeks.member("U2", null, MemberWeeks.everyDay(9), 0),
            MemberWeeks.member("U3", null, MemberWeeks.weekdays(8), 0));
    SummaryView.Message m =
        SummaryView.message(
            WeeklySummary.of(
                MemberWeeks.W48, team, List.of(), CaptainTally.none(), NudgeTally.none()));
    assertThat(m.text()).startsWith("2 people went the whole week without a day off.");
    assertThat(blocks(m).toString()).contains("fine with being named: Ada.");
  }
}
