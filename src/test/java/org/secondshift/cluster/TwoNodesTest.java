package org.secondshift.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secondshift.cluster.Cluster.SECRET;
import static org.secondshift.cluster.Cluster.awaitPostsIn;
import static org.secondshift.cluster.Cluster.env;
import static org.secondshift.cluster.Cluster.postsIn;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.WorkSession;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.store.SessionStore;
import org.secondshift.testing.BotProcess;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SlackRequests;
import org.secondshift.testing.Vendor;

/**
 * Two bot processes on one PostgreSQL behave as one bot: through real HTTP, against the stand-in,
 * on the real clock (each process has its own), with one of them killed at the worst moment.
 */
class TwoNodesTest {
  private static final SessionRules RULES =
      new SessionRules(Duration.ofMinutes(30), Duration.ofMinutes(10));

  @TempDir Path dir;

  @Test
  void eventsSplitAcrossBothNodesGiveTheHoursOfOneAndAHandoffSurvivesTheOtherBeingKilled()
      throws Exception {
    Clock clock = Clock.systemUTC();
    DatabaseLocation shared = Vendor.POSTGRESQL.fresh(dir);
    try (SlackStandIn slack = RunningBot.withTestChannels(SlackStandIn.start(clock))) {
      slack.addUser("U0ADA", "ada", "UTC");
      slack.addUser("U0GRACE", "grace", "UTC");
      try (BotProcess a = BotProcess.start(env(slack, shared));
          BotProcess b = BotProcess.start(env(slack, shared))) {
        a.awaitUp();
        b.awaitUp();
        SlackRequests toA = new SlackRequests(a.port(), SECRET, clock, slack);
        SlackRequests toB = new SlackRequests(b.port(), SECRET, clock, slack);

        // Events for one person land on either node, some on both (Slack's retries).
        Envelopes envelopes = new Envelopes();
        Instant start = clock.instant().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
        List<Activity> sent = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
          Instant at = start.plus(Duration.ofMinutes((i / 15) * 50L + (i % 15) * 2L));
          String id = envelopes.eventId();
          String event = envelopes.message(id, "U0ADA", "C0GENERAL", at, null);
          assertThat((i % 2 == 0 ? toA : toB).json(event).statusCode()).isEqualTo(200);
          if (i % 5 == 0) {
            assertThat((i % 2 == 0 ? toB : toA).json(event).statusCode()).isEqualTo(200);
          }
          sent.add(
              new Activity(id, Envelopes.TEAM, "U0ADA", "C0GENERAL", at, ActivityKind.MESSAGE));
        }
        List<WorkSession> oneNode;
        try (Database alone = Database.open(Vendor.SQLITE.fresh(dir))) {
          SessionStore store = new SessionStore(alone, RULES);
          sent.forEach(store::record);
          oneNode = store.sessions(Envelopes.TEAM, "U0ADA", start.minusSeconds(1), clock.instant());
        }
        try (Database both = Database.open(shared)) {
          assertThat(
                  new SessionStore(both, RULES)
                      .sessions(Envelopes.TEAM, "U0ADA", start.minusSeconds(1), clock.instant()))
              .extracting(WorkSession::start, WorkSession::last)
              .containsExactlyElementsOf(
                  oneNode.stream()
                      .map(s -> org.assertj.core.groups.Tuple.tuple(s.start(), s.last()))
                      .toList());
        }
        assertThat(DbPeek.count(shared, "SELECT COUNT(*) FROM activity")).isEqualTo(sent.size());

        // A rotation whose handoff falls in a minute or so, set up through node A ...
        ZonedDateTime boundary =
            ZonedDateTime.ofInstant(clock.instant().plusSeconds(40), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        String at = boundary.format(DateTimeFormatter.ofPattern("HH:mm"));
        assertThat(
                toA.command(
                        Envelopes.TEAM,
                        "U0ADA",
                        "C0OPS",
                        "captain setup <@U0ADA|ada> <@U0GRACE|grace> every 12h at "
                            + at
                            + " tz UTC")
                    .statusCode())
            .isEqualTo(200);
        awaitPostsIn(slack, "C0OPS", 1, Duration.ofSeconds(30));
        // ... and a weekly summary due in another channel at the same minute, also through A ...
        String day = boundary.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT);
        assertThat(
                toA.command(
                        Envelopes.TEAM, "U0ADA", "C0TEAM", "summary weekly on " + day + " " + at)
                    .statusCode())
            .isEqualTo(200);
        assertThat(DbPeek.count(shared, "SELECT COUNT(*) FROM summary_schedule")).isEqualTo(1);
        // ... which is killed before the boundary: node B alone announces the handoff, once, and
        // posts the summary, once.
        a.kill();
        awaitPostsIn(slack, "C0OPS", postsIn(slack, "C0OPS") + 1, Duration.ofSeconds(150));
        awaitPostsIn(slack, "C0TEAM", 1, Duration.ofSeconds(60));
        assertThat(clock.instant()).isAfterOrEqualTo(boundary.toInstant());
        assertThat(
                DbPeek.count(
                    shared,
                    "SELECT COUNT(*) FROM shift WHERE announced_at IS NOT NULL AND started_at = "
                        + boundary.toInstant().toEpochMilli()))
            .isEqualTo(1);
        assertThat(DbPeek.count(shared, "SELECT COUNT(*) FROM summary_post")).isEqualTo(1);
        assertThat(postsIn(slack, "C0TEAM")).isEqualTo(1);
        assertThat(b.output()).doesNotContain("Exception");
      }
    }
  }
}
