package org.secondshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.sandbox.RecordedCall;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.schedule.RestCheckJob;
import org.secondshift.testing.BotProcess;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.Envelopes;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SlackRequests;

/**
 * SIGTERM, as a service manager stops the bot, on a process of its own over real HTTP against the
 * stand-in: in the middle of a burst of events every acknowledged one is stored, and in the middle
 * of a DM the send finishes (while new requests are answered 503) and is not made again after the
 * restart.
 */
class GracefulShutdownTest {
  private static final String SECRET = "graceful-secret";
  private static final String TOKEN = "xoxb-graceful-token";
  private static final Clock CLOCK = Clock.systemUTC();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final Envelopes envelopes = new Envelopes();
  private SlackStandIn slack;
  private Path db;
  private final List<BotProcess> bots = new ArrayList<>();

  @BeforeEach
  void standIn() {
    slack = RunningBot.withTestChannels(SlackStandIn.start(CLOCK));
    db = dir.resolve("graceful.db");
  }

  @AfterEach
  void stop() throws Exception {
    for (BotProcess bot : bots) {
      bot.close();
    }
    slack.close();
  }

  @Test
  void everyEventAcknowledgedBeforeSigtermIsStoredAndTheRestAreRefusedForSlackToRetry()
      throws Exception {
    int senders = 4;
    for (int s = 0; s < senders; s++) {
      slack.addUser("U0BURST" + s, "burst" + s, "UTC");
    }
    // Everything the bot's own code logs, at its most talkative.
    BotProcess bot = start("org.secondshift");
    SlackRequests requests = new SlackRequests(bot.port(), SECRET, CLOCK, slack).within(WAIT);
    CountDownLatch enough = new CountDownLatch(400);
    AtomicInteger acked = new AtomicInteger();
    Map<String, Integer> refusals = new ConcurrentHashMap<>();
    Instant start = CLOCK.instant().minus(Duration.ofHours(2));
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      String user = "U0BURST" + s;
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; ; i++) {
                  String event = envelopes.message(user, "C0GENERAL", start.plusMillis(250L * i));
                  int status;
                  try {
                    status = requests.json(event).statusCode();
                  } catch (IllegalStateException e) {
                    refusals.merge("no connection", 1, Integer::sum);
                    return;
                  }
                  if (status != 200) {
                    refusals.merge(Integer.toString(status), 1, Integer::sum);
                    return;
                  }
                  acked.incrementAndGet();
                  enough.countDown();
                }
              },
              "burst-" + s);
      t.start();
      threads.add(t);
    }
    assertThat(enough.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    bot.terminate();
    for (Thread t : threads) {
      t.join(WAIT.toMillis());
      assertThat(t.isAlive()).as("each sender is answered or refused").isFalse();
    }
    bot.awaitExit(WAIT);

    assertThat(acked.get()).isGreaterThanOrEqualTo(400);
    assertThat(refusals.keySet()).isSubsetOf("503", "no connection");
    assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM activity")).isEqualTo(acked.get());
    assertThat(bot.output())
        .contains("stopping:")
        .contains("stopped in")
        .doesNotContain("Exception");
  }

  @Test
  void aDmBeingSentWhenSigtermComesIsFinishedNotCutAndNotSentAgainAfterTheRestart()
      throws Exception {
    slack.addUser("U0SENT", "sent", "UTC");
    CountDownLatch answer = new CountDownLatch(1);
    slack.hold("chat.postMessage", answer);
    BotProcess bot = start();
    SlackRequests requests = new SlackRequests(bot.port(), SECRET, CLOCK, slack).within(WAIT);
    workedThreeHours(requests, "U0SENT");
    slack.awaitHeld("chat.postMessage", 1, WAIT);

    int mark = bot.printed();
    bot.terminate();
    BotProcess.awaitOutput(
        "the bot to begin its stop", WAIT, () -> bot.lineSince(mark, "stopping:").isPresent());
    // While the DM is on its way, whatever else arrives is refused for Slack to send again, and the
    // health check tells a load balancer to look elsewhere.
    HttpResponse<String> late =
        requests.json(envelopes.message("U0SENT", "C0GENERAL", CLOCK.instant()));
    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(health(bot.port())).isEqualTo(503);
    assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isEqualTo(1);

    answer.countDown();
    bot.awaitExit(WAIT);
    assertThat(bot.output()).contains("stopped in").doesNotContain("Exception");
    assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM nudge WHERE user_id = 'U0SENT'"))
        .isEqualTo(1);
    assertThat(DbPeek.count(db, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isZero();
    assertThat(slack.messages("DU0SENT")).hasSize(1);

    // After the restart the catch-up and a whole periodic check send nothing more.
    slack.clearFaults("chat.postMessage");
    Instant restarted = CLOCK.instant();
    BotProcess again = start();
    BotProcess.awaitOutput(
        "a periodic rest check after the restart",
        Duration.ofSeconds(40),
        () -> again.lineSince(0, "rest check sent 0 nudges").isPresent());
    List<RecordedCall> posts =
        slack.calls("chat.postMessage").stream().filter(c -> c.at().isAfter(restarted)).toList();
    assertThat(posts).isEmpty();
    assertThat(slack.messages("DU0SENT")).hasSize(1);
  }

  /** The bot on the test's SQLite file, its rest check every ten seconds, quiet hours far away. */
  private BotProcess start(String... debugLoggers) throws Exception {
    int hour = CLOCK.instant().atZone(ZoneOffset.UTC).getHour();
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", TOKEN);
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("SECOND_SHIFT_DB", db.toString());
    env.put("SECOND_SHIFT_SHUTDOWN_GRACE", "20s");
    env.put("SECOND_SHIFT_REST_CHECK_EVERY", "10s");
    env.put(
        "SECOND_SHIFT_REST_QUIET",
        String.format("%02d:00-%02d:00", (hour + 12) % 24, (hour + 13) % 24));
    String[] loggers = Arrays.copyOf(debugLoggers, debugLoggers.length + 1);
    loggers[debugLoggers.length] = RestCheckJob.class.getName();
    BotProcess bot = BotProcess.start(env, loggers);
    bots.add(bot);
    return bot.awaitUp();
  }

  /** One message every ten minutes for three hours, up to a minute ago: a long stretch running. */
  private void workedThreeHours(SlackRequests requests, String user) {
    Instant now = CLOCK.instant();
    for (long ago = 180; ago >= 1; ago -= 10) {
      String event = envelopes.message(user, "C0GENERAL", now.minus(Duration.ofMinutes(ago)));
      assertThat(requests.json(event).statusCode()).isEqualTo(200);
    }
    String last = envelopes.message(user, "C0GENERAL", now.minus(Duration.ofMinutes(1)));
    assertThat(requests.json(last).statusCode()).isEqualTo(200);
  }

  private static int health(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
