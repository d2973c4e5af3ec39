package org.secondshift.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.secondshift.captain.OnDuty;
import org.secondshift.hours.SessionRules;

/** The rest policy as tables: who gets which nudge when, and why the others get none. */
class RestPolicyTest {
  private static final RestPolicy POLICY =
      new RestPolicy(RestRules.defaults(), SessionRules.defaults());
  private static final Lookups AWAKE = Lookups.of(false, List.of());

  /** A lookup that fails the test if the policy calls Slack when nothing is due. */
  private static final Lookups NEVER_ASKED =
      new Lookups() {
        @Override
        public Dnd dnd() {
          throw new AssertionError("dnd.info must not be asked when nothing is due");
        }

        @Override
        public List<OnDuty> onDuty() {
          return List.of();
        }
      };

  static Stream<Arguments> cases() {
    // Europe/Berlin is UTC+1 in November; every day below is a weekday in 2026.
    String berlin = "Europe/Berlin";
    return Stream.of(
        row(
            "three hours without a break",
            Someone.in(berlin).worked("2026-11-24T08:00:00Z", "2026-11-24T11:00:00Z"),
            "2026-11-24T11:00:00Z",
            "LONG_STRETCH"),
        row(
            "two hours fifty is not yet a long stretch",
            Someone.in(berlin).worked("2026-11-24T08:00:00Z", "2026-11-24T10:50:00Z"),
            "2026-11-24T10:50:00Z",
            "NOTHING_DUE"),
        row(
            "a silence of fifteen minutes was a break",
            Someone.in(berlin)
                .worked("2026-11-24T08:00:00Z", "2026-11-24T09:30:00Z")
                .worked("2026-11-24T09:45:00Z", "2026-11-24T11:10:00Z"),
            "2026-11-24T11:10:00Z",
            "NOTHING_DUE"),
        row(
            "a silence of fourteen minutes was not",
            Someone.in(berlin)
                .worked("2026-11-24T08:00:00Z", "2026-11-24T09:30:00Z")
                .worked("2026-11-24T09:44:00Z", "2026-11-24T11:00:00Z"),
            "2026-11-24T11:00:00Z",
            "LONG_STRETCH"),
        row(
            "the stretch keeps growing a few minutes after the last message",
            Someone.in(berlin).worked("2026-11-24T08:00:00Z", "2026-11-24T10:52:00Z"),
            "2026-11-24T11:01:00Z",
            "LONG_STRETCH"),
        row(
            "nobody is nudged after they stopped",
            Someone.in(berlin).worked("2026-11-24T08:00:00Z", "2026-11-24T11:30:00Z"),
            "2026-11-24T11:46:00Z",
            "NOT_WORKING"),
        row(
            "a manual session counts as work without messages",
            Someone.in(berlin).inManualSessionSince("2026-11-24T08:00:00Z"),
            "2026-11-24T11:00:00Z",
            "LONG_STRETCH"),
        row(
            "ten hours today reach the daily limit",
            Someone.in(berlin)
                .worked("2026-11-24T06:00:00Z", "2026-11-24T08:30:00Z")
                .worked("2026-11-24T09:00:00Z", "2026-11-24T11:30:00Z")
                .worked("2026-11-24T12:00:00Z", "2026-11-24T14:30:00Z")
                .worked("2026-11-24T15:00:00Z", "2026-11-24T17:00:00Z"),
            "2026-11-24T17:00:00Z",
            "DAILY_LIMIT"),
        row(
            "a personal limit of nine hours comes sooner",
            Someone.in(berlin)
                .prefs(RestPrefs.defaults().withDailyLimit(Duration.ofHours(9)))
                .worked("2026-11-24T06:00:00Z", "2026-11-24T08:30:00Z")
                .worked("2026-11-24T09:00:00Z", "2026-11-24T11:30:00Z")
                .worked("2026-11-24T12:00:00Z", "2026-11-24T14:30:00Z")
                .worked("2026-11-24T15:00:00Z", "2026-11-24T16:00:00Z"),
            "2026-11-24T16:00:00Z",
            "DAILY_LIMIT"),
        row(
            "nine hours fifty is under the limit",
            Someone.in(berlin)
                .worked("2026-11-24T06:00:00Z", "2026-11-24T08:30:00Z")
                .worked("2026-11-24T09:00:00Z", "2026-11-24T11:30:00Z")
                .worked("2026-11-24T12:00:00Z", "2026-11-24T14:30:00Z")
                .worked("2026-11-24T15:00:00Z", "2026-11-24T16:50:00Z"),
            "2026-11-24T16:50:00Z",
            "NOTHING_DUE"),
        row(
            "23:30 is inside quiet hours that cross midnight",
            Someone.in(berlin).activeAt("2026-11-24T22:30:00Z"),
            "2026-11-24T22:30:00Z",
            "LATE_NIGHT"),
        row(
            "06:59 is still inside them",
            Someone.in(berlin).activeAt("2026-11-25T05:59:00Z"),
            "2026-11-25T05:59:00Z",
            "LATE_NIGHT"),
        row(
            "07:00 is morning",
            Someone.in(berlin).activeAt("2026-11-25T06:00:00Z"),
            "2026-11-25T06:00:00Z",
            "NOTHING_DUE"),
        row(
            "21:59 is evening",
            Someone.in(berlin).activeAt("2026-11-24T20:59:00Z"),
            "2026-11-24T20:59:00Z",
            "NOTHING_DUE"),
        row(
            "personal quiet hours replace the workspace's",
            Someone.in(berlin)
                .prefs(
                    RestPrefs.defaults().withQuiet(QuietHours.parse("23:00-07:30").orElseThrow()))
                .activeAt("2026-11-24T21:30:00Z"),
            "2026-11-24T21:30:00Z",
            "NOTHING_DUE"),
        row(
            "noon in Berlin is half past midnight in Auckland",
            Someone.in("Pacific/Auckland").activeAt("2026-11-24T11:30:00Z"),
            "2026-11-24T11:30:00Z",
            "LATE_NIGHT"),
        row(
            "Auckland's lunchtime is the middle of the night in UTC",
            Someone.in("Pacific/Auckland").activeAt("2026-11-24T23:30:00Z"),
            "2026-11-24T23:30:00Z",
            "NOTHING_DUE"),
        // 29 March 2026: Berlin jumps from 02:00 to 03:00; 01:30 UTC is 03:30 summer time.
        row(
            "the spring-forward night is still night",
            Someone.in(berlin).activeAt("2026-03-29T01:30:00Z"),
            "2026-03-29T01:30:00Z",
            "LATE_NIGHT"),
        // 05:30 UTC is 07:30 summer time: morning, though it would be 06:30 in winter time.
        row(
            "after spring-forward 05:30 UTC is already morning",
            Someone.in(berlin).activeAt("2026-03-29T05:30:00Z"),
            "2026-03-29T05:30:00Z",
            "NOTHING_DUE"),
        // 25 October 2026: 02:00-03:00 happens twice; both passes are night.
        row(
            "the first 02:30 of the fall-back night",
            Someone.in(berlin).activeAt("2026-10-25T00:30:00Z"),
            "2026-10-25T00:30:00Z",
            "LATE_NIGHT"),
        row(
            "the second 02:30 of the fall-back night",
            Someone.in(berlin).activeAt("2026-10-25T01:30:00Z"),
            "2026-10-25T01:30:00Z",
            "LATE_NIGHT"),
        // 06:30 UTC on 25 October is 07:30 winter time: morning.
        row(
            "after fall-back 06:30 UTC is morning",
            Someone.in(berlin).activeAt("2026-10-25T06:30:00Z"),
            "2026-10-25T06:30:00Z",
            "NOTHING_DUE"),
        // Auckland springs forward on 27 September 2026 at 02:00 -> 03:00 (UTC+13 after).
        row(
            "Auckland's spring-forward night",
            Someone.in("Pacific/Auckland").activeAt("2026-09-26T14:30:00Z"),
            "2026-09-26T14:30:00Z",
            "LATE_NIGHT"),
        row(
            "six days in a row with work",
            sixDays(berlin, Duration.ofMinutes(70)),
            "2026-11-24T12:00:00Z",
            "NO_DAY_OFF"),
        row(
            "a short day breaks the row",
            sixDays(berlin, Duration.ofMinutes(50)),
            "2026-11-24T12:00:00Z",
            "NOTHING_DUE"),
        row(
            "one day-off nudge per streak",
            sixDays(berlin, Duration.ofMinutes(70))
                .nudgedAt("2026-11-22T12:00:00Z", NudgeKind.NO_DAY_OFF),
            "2026-11-24T12:00:00Z",
            "NOTHING_DUE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, Someone who, String now, String expected) {
    Verdict v =
        POLICY.decide(
            who.at(now),
            expected.equals("NOTHING_DUE") || expected.equals("NOT_WORKING") ? NEVER_ASKED : AWAKE);
    assertThat(outcome(v)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "turned off,           OFF,            2026-11-24T11:00:00Z",
    "paused for vacation,  PAUSED,         2026-11-24T11:00:00Z",
    "pause ends that day,  LONG_STRETCH,   2026-11-27T11:00:00Z",
    "done for today,       DONE_FOR_TODAY, 2026-11-24T11:00:00Z",
    "done was yesterday,   LONG_STRETCH,   2026-11-25T11:00:00Z",
    "snoozed,              SNOOZED,        2026-11-24T11:00:00Z",
    "snooze over,          LONG_STRETCH,   2026-11-24T12:00:00Z"
  })
  void personalChoicesHoldNudges(String choice, String expected, String now) {
    Instant at = Instant.parse(now);
    RestPrefs base = RestPrefs.defaults();
    RestPrefs prefs =
        switch (choice) {
          case "turned off" -> base.withEnabled(false);
          case "paused for vacation", "pause ends that day" ->
              base.pausedUntil(LocalDate.parse("2026-11-27"));
          case "done for today", "done was yesterday" ->
              base.after(
                  NudgeAnswer.DONE,
                  Instant.parse("2026-11-24T10:00:00Z"),
                  java.time.ZoneId.of("Europe/Berlin"));
          default -> base.snoozedFor(Instant.parse("2026-11-24T10:30:00Z"), Duration.ofHours(1));
        };
    Someone who =
        Someone.in("Europe/Berlin").prefs(prefs).worked(at.minus(Duration.ofHours(3)), at);
    assertThat(outcome(POLICY.decide(who.at(now), AWAKE))).isEqualTo(expected);
  }

  @Test
  void doNotDisturbDropsADueNudge() {
    Someone who =
        Someone.in("Europe/Berlin").worked("2026-11-24T08:00:00Z", "2026-11-24T11:00:00Z");
    assertThat(outcome(POLICY.decide(who.at("2026-11-24T11:00:00Z"), Lookups.of(true, List.of()))))
        .isEqualTo("DND");
  }

  @Test
  void notKnowingWhetherDoNotDisturbIsOnHoldsADueNudgeAndARecoveryNudge() {
    Someone who =
        Someone.in("Europe/Berlin").worked("2026-11-24T08:00:00Z", "2026-11-24T11:00:00Z");
    Lookups unknown =
        new Lookups() {
          @Override
          public Dnd dnd() {
            return Dnd.UNKNOWN;
          }

          @Override
          public List<OnDuty> onDuty() {
            return List.of();
          }
        };

    assertThat(outcome(POLICY.decide(who.at("2026-11-24T11:00:00Z"), unknown)))
        .isEqualTo("DND_UNKNOWN");
    assertThat(outcome(POLICY.recovery(who.at("2026-11-24T11:00:00Z"), "C0OPS", unknown)))
        .isEqualTo("DND_UNKNOWN");
  }

  @ParameterizedTest(name = "last nudge {0} min ago: {1}")
  @CsvSource({"30, COOLDOWN", "89, COOLDOWN", "90, LONG_STRETCH", "120, LONG_STRETCH"})
  void oneNudgePerNinetyMinutes(long minutesAgo, String expected) {
    Instant now = Instant.parse("2026-11-24T13:00:00Z");
    Someone who =
        Someone.in("Europe/Berlin")
            .worked("2026-11-24T09:00:00Z", "2026-11-24T13:00:00Z")
            .nudgedAt(now.minus(Duration.ofMinutes(minutesAgo)).toString(), NudgeKind.LONG_STRETCH);
    assertThat(outcome(POLICY.decide(who.at(now.toString()), AWAKE))).isEqualTo(expected);
  }

  @Test
  void threeNudgesALocalDayAtMost() {
    Someone who =
        Someone.in("Europe/Berlin")
            .worked("2026-11-24T06:00:00Z", "2026-11-24T13:00:00Z")
            .nudgedAt("2026-11-24T07:00:00Z", NudgeKind.LONG_STRETCH)
            .nudgedAt("2026-11-24T09:00:00Z", NudgeKind.LONG_STRETCH)
            .nudgedAt("2026-11-24T11:00:00Z", NudgeKind.LONG_STRETCH);
    assertThat(outcome(POLICY.decide(who.at("2026-11-24T13:00:00Z"), AWAKE)))
        .isEqualTo("DAILY_CAP");
  }

  @Test
  void theCapCountsTheirOwnDayNotUtcs() {
    // In Auckland (UTC+13 in November) these were yesterday: 10:00 to 20:00 local on the 24th.
    Someone who =
        Someone.in("Pacific/Auckland")
            .worked("2026-11-24T20:00:00Z", "2026-11-24T23:00:00Z")
            .nudgedAt("2026-11-23T21:00:00Z", NudgeKind.LONG_STRETCH)
            .nudgedAt("2026-11-24T01:00:00Z", NudgeKind.LONG_STRETCH)
            .nudgedAt("2026-11-24T07:00:00Z", NudgeKind.LONG_STRETCH);
    Verdict v = POLICY.decide(who.at("2026-11-24T23:00:00Z"), AWAKE);
    assertThat(outcome(v)).isEqualTo("LONG_STRETCH");
    assertThat(((Verdict.Send) v).nudge().isRepeat()).isFalse();
  }

  @Test
  void aSecondNudgeTheSameDayIsMarkedAsARepeat() {
    Someone who =
        Someone.in("Europe/Berlin")
            .worked("2026-11-24T07:00:00Z", "2026-11-24T12:00:00Z")
            .nudgedAt("2026-11-24T10:00:00Z", NudgeKind.LONG_STRETCH);
    Verdict v = POLICY.decide(who.at("2026-11-24T12:00:00Z"), AWAKE);
    assertThat(((Verdict.Send) v).nudge().earlierToday()).isEqualTo(1);
    assertThat(((Verdict.Send) v).nudge().observed()).isEqualTo(Duration.ofHours(5));
  }

  @Test
  void takingABreakStartsTheStretchAgain() {
    RestPrefs tookABreak =
        RestPrefs.defaults()
            .after(
                NudgeAnswer.BREAK,
                Instant.parse("2026-11-24T10:00:00Z"),
                java.time.ZoneId.of("Europe/Berlin"));
    Someone who =
        Someone.in("Europe/Berlin")
            .prefs(tookABreak)
            .worked("2026-11-24T08:00:00Z", "2026-11-24T13:00:00Z");
    assertThat(outcome(POLICY.decide(who.at("2026-11-24T12:50:00Z"), NEVER_ASKED)))
        .isEqualTo("NOTHING_DUE");
    assertThat(outcome(POLICY.decide(who.at("2026-11-24T13:00:00Z"), AWAKE)))
        .isEqualTo("LONG_STRETCH");
  }

  @Test
  void theCaptainOnWatchGetsNoLateNightNudge() {
    Someone captain = Someone.in("Europe/Berlin").activeAt("2026-11-25T00:10:00Z");
    List<OnDuty> watch =
        List.of(
            new OnDuty(Someone.TEAM, "C0OPS", Someone.USER, Instant.parse("2026-11-25T07:00:00Z")));
    assertThat(outcome(POLICY.decide(captain.at("2026-11-25T00:10:00Z"), Lookups.of(false, watch))))
        .isEqualTo("NOTHING_DUE");
  }

  @Test
  void someoneElseUpLateIsToldWhoHoldsTheWatch() {
    Someone who = Someone.in("Europe/Berlin").activeAt("2026-11-25T00:10:00Z");
    List<OnDuty> watch =
        List.of(
            new OnDuty(Someone.TEAM, "C0OPS", "U0CAPTAIN", Instant.parse("2026-11-25T07:00:00Z")));
    Nudge n =
        ((Verdict.Send) POLICY.decide(who.at("2026-11-25T00:10:00Z"), Lookups.of(false, watch)))
            .nudge();
    assertThat(n.kind()).isEqualTo(NudgeKind.LATE_NIGHT);
    assertThat(n.captainId()).contains("U0CAPTAIN");
    assertThat(n.channelId()).contains("C0OPS");
    assertThat(n.localTime()).isEqualTo(LocalTime.of(1, 10));
  }

  @Test
  void theCaptainStillGetsOtherNudgesDuringTheirWatch() {
    Someone captain =
        Someone.in("Europe/Berlin").worked("2026-11-24T21:00:00Z", "2026-11-25T00:10:00Z");
    List<OnDuty> watch =
        List.of(
            new OnDuty(Someone.TEAM, "C0OPS", Someone.USER, Instant.parse("2026-11-25T07:00:00Z")));
    assertThat(outcome(POLICY.decide(captain.at("2026-11-25T00:10:00Z"), Lookups.of(false, watch))))
        .isEqualTo("LONG_STRETCH");
  }

  @Test
  void recoveryComesDespiteTheCooldownButNotWhenOff() {
    Someone captain =
        Someone.in("Europe/Berlin").nudgedAt("2026-11-25T06:30:00Z", NudgeKind.LONG_STRETCH);
    Verdict v = POLICY.recovery(captain.at("2026-11-25T07:00:00Z"), "C0OPS", AWAKE);
    assertThat(outcome(v)).isEqualTo("RECOVERY");
    assertThat(((Verdict.Send) v).nudge().channelId()).contains("C0OPS");
    assertThat(
            outcome(
                POLICY.recovery(
                    captain
                        .prefs(RestPrefs.defaults().withEnabled(false))
                        .at("2026-11-25T07:00:00Z"),
                    "C0OPS",
                    AWAKE)))
        .isEqualTo("OFF");
    assertThat(
            outcome(
                POLICY.recovery(
                    captain.prefs(RestPrefs.defaults()).at("2026-11-25T07:00:00Z"),
                    "C0OPS",
                    Lookups.of(true, List.of()))))
        .isEqualTo("DND");
  }

  private static Someone sixDays(String zone, Duration each) {
    Someone who = Someone.in(zone);
    Instant today = Instant.parse("2026-11-24T10:50:00Z");
    for (int back = 5; back >= 0; back--) {
      Instant end = today.minus(Duration.ofDays(back));
      // The tail of 10 min is counted after the last activity.
      who.worked(end.minus(each).plus(Duration.ofMinutes(10)), end);
    }
    return who.activeAt("2026-11-24T12:00:00Z");
  }

  private static Arguments row(String name, Someone who, String now, String expected) {
    return Arguments.of(name, who, now, expected);
  }

  private static String outcome(Verdict v) {
    return v instanceof Verdict.Send s
        ? s.nudge().kind().name()
        : ((Verdict.Hold) v).reason().name();
  }
}
