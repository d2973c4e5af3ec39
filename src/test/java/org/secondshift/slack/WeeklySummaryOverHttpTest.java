package org.secondshift.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secondshift.testing.BotOverHttp;

/** Weekly summaries through real HTTP: on demand, on schedule, once per week across restarts. */
class WeeklySummaryOverHttpTest extends BotOverHttp.OnEachVendor {
  private static final String CHANNEL = "C0TEAM";
  private static final Person[] TEAM = {
    person("U0ADA", "ada"), person("U0BO", "bo"), person("U0CY", "cy"), person("U0DEV", "dev")
  };
  // Wednesday of week 48, Berlin: last week is 2026-W47, the week of 16 Nov.
  private static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");

  WeeklySummaryOverHttpTest() {
    super(WEDNESDAY, CHANNEL, TEAM);
  }

  @BeforeEach
  void lastWeek() {
    workWeek(Instant.parse("2026-11-16T08:00:00Z"));
  }

  /** Each person works 1 h 50 min a day, Monday to Friday, from {@code monday}. */
  private void workWeek(Instant monday) {
    for (int day = 0; day < 5; day++) {
      for (Person u : TEAM) {
        for (int m = 0; m <= 100; m += 25) {
          Instant at = monday.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(m));
          // Slack delivers a message when it is written, never days ahead of it.
          if (at.isAfter(running.clock.instant())) {
            running.clock.set(at);
          }
          assertThat(running.requests.json(envelopes.message(u.id(), CHANNEL, at)).statusCode())
              .isEqualTo(200);
        }
      }
    }
  }

  @Test
  void summaryNowPostsBlocksAndOneChartToTheChannel() {
    String reply = reply("U0ADA", "summary now");
    assertThat(reply).contains("on its way");
    running.bot.parts().outbox().wake();
    running.slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10));
    running.slack.awaitCalls("files.completeUploadExternal", 1, Duration.ofSeconds(10));

    assertThat(running.slack.messages(CHANNEL))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.blocksJson())
                  .contains("the week of 16 Nov")
                  // Nothing was seen before that week, so it is not compared with the one before.
                  .contains("the first full week I saw")
                  .doesNotContain("vs last week")
                  .contains("4 people")
                  .contains("Median per person")
                  .contains("9 h 10 min");
            });
    assertThat(running.slack.uploads())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.channelId()).isEqualTo(CHANNEL);
              assertThat(f.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            });
  }

  @Test
  void theWeeklyPlanPostsOncePerWeekEvenAcrossRestarts() throws Exception {
    shift("U0ADA", "summary weekly on mon 09:00");
    ZonedDateTime nextMonday9 =
        ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));
    // Quartz runs on real time; whatever today is, the trigger fires on a Monday at 09:00 in
    // Berlin.
    assertThat(running.bot.parts().schedules().nextFire("summary:T0SANDBOX:" + CHANNEL))
        .hasValueSatisfying(
            at -> {
              ZonedDateTime local = at.atZone(ZoneId.of("Europe/Berlin"));
              assertThat(local.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
              assertThat(local.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
            });

    workWeek(Instant.parse("2026-11-23T08:00:00Z"));
    // Downtime over the Monday boundary: the bot comes back on Tuesday and catches up once.
    running.clock.set(nextMonday9.plusDays(1).toInstant());
    running.restart();
    running.restart();
    running.slack.awaitCalls("files.completeUploadExternal", 1, Duration.ofSeconds(10));

    assertThat(running.slack.messages(CHANNEL))
        .singleElement()
        .satisfies(m -> assertThat(m.blocksJson()).contains("the week of 23 Nov"));
    assertThat(running.count("SELECT COUNT(*) FROM summary_post")).isEqualTo(1);
    assertThat(running.count("SELECT COUNT(*) FROM outbox WHERE kind = 'summary'")).isEqualTo(1);
  }

  @Test
  void enablingAfterThisWeeksSlotWaitsForTheNextOne() {
    shift("U0ADA", "summary weekly on mon 09:00");
    assertThat(running.count("SELECT COUNT(*) FROM summary_post")).isZero();
  }

  @Test
  void badSummaryArgumentsGetUsageAndChangeNothing() {
    for (String text :
        new String[] {
          "summary weekly on someday 09:00",
          "summary weekly on mon 25:00",
          "summary sometimes",
          "summary weekly on mon"
        }) {
      String reply = reply("U0ADA", text);
      assertThat(reply).as(text).startsWith(":warning:").contains("/shift summary weekly on");
    }
    assertThat(running.count("SELECT COUNT(*) FROM summary_schedule")).isZero();
  }

  @Test
  void sharingLetsTeammatesSeeYourHours() {
    String before = reply("U0BO", "hours last <@U0ADA>");
    assertThat(before).contains("has not chosen to share");
    shift("U0ADA", "share on");
    String after = reply("U0BO", "hours last <@U0ADA>");
    assertThat(after)
        .contains("<@U0ADA>'s hours in the week of 16 Nov")
        .contains("Total *9 h 10 min*");
  }
}
