package org.secondshift.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.secondshift.cluster.Cluster.SECRET;
import static org.secondshift.cluster.Cluster.awaitPostsIn;
import static org.secondshift.cluster.Cluster.env;
import static org.secondshift.cluster.Cluster.postsIn;
import static org.secondshift.cluster.Cluster.postsTo;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.sandbox.PostedMessage;
import org.secondshift.sandbox.RecordedCall;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.schedule.RestCheckJob;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.testing.BotProcess;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.Interactions;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SlackRequests;
import org.secondshift.testing.Vendor;

/**
 * Rest nudges on two bot processes sharing one PostgreSQL, through real HTTP against the stand-in,
 * on the real clock: each nudge is decided once and its DM posted once, whichever node the activity
 * reaches, whichever node's periodic check runs, and when the node holding the DM is killed.
 *
 * <p>The two cases share one pair of processes. Node A starts first, so its outbox holds the right
 * to send until it dies, which is why the case that kills it runs last; each node has a bot token
 * of its own, so the stand-in's calls say which node made them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesRestTest {
  private static final String TOKEN_A = "xoxb-node-a";
  private static final String TOKEN_B = "xoxb-node-b";
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The periodic rest check runs every ten seconds, the shortest the settings allow. */
  private static final Duration CHECK_WAIT = Duration.ofSeconds(40);

  private static final String LIN = "U0LIN";
  private static final String MAE = "U0MAE";
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir static Path dir;
  private static final Envelopes envelopes = new Envelopes();
  private static SlackStandIn slack;
  private static DatabaseLocation shared;
  private static BotProcess a;
  private static BotProcess b;
  private static SlackRequests toA;
  private static SlackRequests toB;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    shared = Vendor.POSTGRESQL.fresh(dir);
    slack = RunningBot.withTestChannels(SlackStandIn.start(CLOCK));
    slack.addUser(LIN, "lin", "UTC");
    slack.addUser(MAE, "mae", "UTC");
    a = start(TOKEN_A);
    toA = new SlackRequests(a.port(), SECRET, CLOCK, slack);
    b = start(TOKEN_B);
    toB = new SlackRequests(b.port(), SECRET, CLOCK, slack);
  }

  @AfterAll
  static void stopTwoNodes() throws Exception {
    try (SlackStandIn last = slack;
        BotProcess one = a;
        BotProcess other = b) {
      // Each is stopped on the way out, the stand-in last; one that never started is skipped.
    }
  }

  /**
   * A node with its own token, up; the periodic check every ten seconds and logged, and quiet hours
   * far from now, so what comes due is a long stretch at any time of day.
   */
  private static BotProcess start(String token) throws Exception {
    int hour = CLOCK.instant().atZone(ZoneOffset.UTC).getHour();
    Map<String, String> more =
        Map.of(
            "SECOND_SHIFT_REST_CHECK_EVERY",
            "10s",
            "SECOND_SHIFT_REST_QUIET",
            String.format("%02d:00-%02d:00", (hour + 12) % 24, (hour + 13) % 24));
    return BotProcess.start(env(slack, shared, token, more), RestCheckJob.class.getName())
        .awaitUp();
  }

  @Test
  @Order(1)
  void activityOnBothNodesAndBothChecksBringOneNudgeAndItsClickIsKeptOnce() throws Exception {
    // Lin's messages alternate between the nodes, and each node checks Lin as they come. The
    // last two, one on each node, make the nudge due on both: both ask Slack whether Lin is in Do
    // Not Disturb, and Slack answers them together, so both go on to record it at once.
    CountDownLatch answer = new CountDownLatch(1);
    slack.hold("dnd.info", answer);
    workedThreeHoursTen(LIN, i -> i % 2 == 0 ? toA : toB);
    slack.awaitHeld("dnd.info", 2, WAIT);
    answer.countDown();

    awaitPostsIn(slack, LIN, 1, WAIT);
    RecordedCall post = postsTo(slack, LIN).get(0);
    assertThat(post.answeredOk()).isTrue();
    PostedMessage dm = single(slack.messages("D" + LIN));
    assertThat(dm.text()).contains("without a break");
    assertThat(nudges(LIN, "kind = 'long_stretch'")).isEqualTo(1);

    // The periodic check, on whichever node it fires, finds the stretch still running and the
    // nudge already sent.
    awaitCheckSendingNothing(a.printed(), b.printed());
    assertThat(nudges(LIN, "TRUE")).isEqualTo(1);
    assertThat(outboxOfNudges(LIN, "TRUE")).isEqualTo(1);
    assertThat(postsIn(slack, LIN)).isEqualTo(1);

    // Lin's click reaches the node that did not post the DM, then, clicked again, the one that did.
    boolean aPosted = TOKEN_A.equals(post.token());
    for (SlackRequests node : aPosted ? List.of(toB, toA) : List.of(toA, toB)) {
      assertThat(node.form(Map.of("payload", click(dm, "nudge_break"))).statusCode())
          .isEqualTo(200);
    }
    slack.awaitCalls("chat.update", 1, WAIT);
    assertThat(single(slack.messages("D" + LIN)).text()).contains("Taking a break");
    assertThat(nudges(LIN, "answer = 'break' AND answered_at IS NOT NULL")).isEqualTo(1);
    assertThat(outboxOfNudges(LIN, "o.method = 'chat.update'")).isEqualTo(1);
    assertThat(slack.calls("chat.update")).hasSize(1);
  }

  @Test
  @Order(2)
  void aNudgeLeftUnsentByAKilledNodeGoesOutOnceFromTheOtherAndNotAgainAfterTheRestart()
      throws Exception {
    // Mae's messages reach node A, which decides the nudge; Slack asks A, which sends, to slow
    // down on the DM ...
    slack.rateLimitNext("chat.postMessage", 1, 10);
    int markA = a.printed();
    workedThreeHoursTen(MAE, i -> toA);
    awaitPostsIn(slack, MAE, 1, WAIT);
    RecordedCall refused = postsTo(slack, MAE).get(0);
    assertThat(refused.rateLimited()).isTrue();
    assertThat(refused.token()).as("node A holds the outbox").isEqualTo(TOKEN_A);
    BotProcess.awaitOutput(
        "node A to put the DM back in its outbox",
        WAIT,
        () -> a.lineSince(markA, "Slack asked to slow down").isPresent());
    assertThat(nudges(MAE, "kind = 'long_stretch'")).isEqualTo(1);
    assertThat(outboxOfNudges(MAE, "o.sent_at IS NULL")).isEqualTo(1);

    // ... and is killed while the DM waits: node B takes over the outbox and posts it, once.
    a.kill();
    awaitPostsIn(slack, MAE, 2, Duration.ofSeconds(60));
    RecordedCall posted = postsTo(slack, MAE).get(1);
    assertThat(posted.answeredOk()).isTrue();
    assertThat(posted.token()).isEqualTo(TOKEN_B);
    assertThat(single(slack.messages("D" + MAE)).text()).contains("without a break");

    // A comes back: its catch-up at start, the periodic check it schedules at once and its outbox
    // send nothing again.
    Instant restarted = CLOCK.instant();
    int markB = b.printed();
    a = start(TOKEN_A);
    toA = new SlackRequests(a.port(), SECRET, CLOCK, slack);
    awaitCheckSendingNothing(0, markB);
    assertThat(nudges(MAE, "TRUE")).isEqualTo(1);
    assertThat(outboxOfNudges(MAE, "o.sent_at IS NOT NULL")).isEqualTo(1);
    assertThat(DbPeek.count(shared, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isZero();
    assertThat(postsTo(slack, MAE)).hasSize(2);
    assertThat(slack.messages("D" + MAE)).hasSize(1);
    assertThat(slack.calls().stream().filter(c -> c.at().isAfter(restarted)))
        .noneMatch(c -> c.method().equals("chat.postMessage"));
    assertThat(a.output()).doesNotContain("Exception");
    assertThat(b.output()).doesNotContain("Exception");
  }

  /**
   * A day's work for {@code user}, the {@code i}th message to node {@code to.apply(i)}: one every
   * ten minutes from 3 h 10 min ago to 20 min ago, which earns no nudge (they have stopped for
   * longer than a break), then two, ten and nine minutes ago, each of which alone makes it a long
   * stretch still running.
   */
  private static void workedThreeHoursTen(String user, IntFunction<SlackRequests> to) {
    Instant now = CLOCK.instant();
    List<Instant> day = new ArrayList<>();
    for (long ago = 190; ago >= 20; ago -= 10) {
      day.add(now.minus(Duration.ofMinutes(ago)));
    }
    day.add(now.minus(Duration.ofMinutes(10)));
    day.add(now.minus(Duration.ofMinutes(9)));
    for (int i = 0; i < day.size(); i++) {
      String event = envelopes.message(user, "C0GENERAL", day.get(i));
      assertThat(to.apply(i).json(event).statusCode()).isEqualTo(200);
    }
  }

  /**
   * Waits until a periodic check that sent no nudge ends on either node, after line {@code fromA}
   * of A's output or {@code fromB} of B's: each node logs the end of every check it ran.
   */
  private static void awaitCheckSendingNothing(int fromA, int fromB) throws InterruptedException {
    String said = "rest check sent 0 nudges";
    BotProcess.awaitOutput(
        "a periodic rest check on either node",
        CHECK_WAIT,
        () -> a.lineSince(fromA, said).or(() -> b.lineSince(fromB, said)).isPresent());
  }

  /** How many of {@code user}'s nudges match {@code where}. */
  private static long nudges(String user, String where) {
    return DbPeek.count(
        shared, "SELECT COUNT(*) FROM nudge WHERE user_id = '" + user + "' AND " + where);
  }

  /** How many outbox rows for {@code user}'s nudges (as {@code o}) match {@code where}. */
  private static long outboxOfNudges(String user, String where) {
    return DbPeek.count(
        shared,
        "SELECT COUNT(*) FROM outbox o JOIN nudge n ON o.ref = 'nudge:' || n.id"
            + " WHERE n.user_id = '"
            + user
            + "' AND "
            + where);
  }

  /** Lin's click on the button {@code actionId} of the nudge {@code dm}, in their DM. */
  private static String click(PostedMessage dm, String actionId) {
    JsonObject message = new JsonObject();
    message.add("blocks", JsonParser.parseString(dm.blocksJson()));
    return Interactions.buttonClick(
        LIN,
        slack.mintTrigger(LIN),
        dm.channel(),
        dm.ts(),
        actionId,
        Interactions.buttonValue(message, 1),
        false,
        slack.responseUrl(dm.channel(), LIN, dm.ts()));
  }

  private static PostedMessage single(List<PostedMessage> messages) {
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }
}
