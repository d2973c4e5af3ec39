package org.secondshift.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.config.Mode;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.SlackApp;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxStore;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SettableClock;
import org.secondshift.testing.Vendor;

/** The outbox against the stand-in and a real SQLite file, with time moved by hand. */
@ParameterizedClass
@EnumSource(Vendor.class)
class OutboxSenderTest {
  @Parameter Vendor vendor;
  private final Map<String, DatabaseLocation> locations = new HashMap<>();

  /** The test's database called {@code name}: the same one each time it is asked for. */
  private DatabaseLocation location(String name) {
    return locations.computeIfAbsent(name, n -> vendor.fresh(dir));
  }

  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(NOW);
  private SlackStandIn slack;
  private Database db;
  private OutboxStore outbox;
  private OutboxSender sender;
  private MethodsClient methods;

  @BeforeEach
  void start() {
    slack = RunningBot.withTestChannels(SlackStandIn.start(clock));
    slack.addUser("U0ADA", "ada", "Europe/Berlin");
    db = Database.open(location("outbox.db"));
    outbox = new OutboxStore(db);
    Slack client = SlackApp.client(RunningBot.settings(Mode.HTTP, slack, dir.resolve("unused.db")));
    methods = client.methods("xoxb-test");
    sender = new OutboxSender(outbox, methods, new SendLimits(50, 5, Duration.ofSeconds(1)), clock);
  }

  @AfterEach
  void stop() {
    db.close();
    slack.close();
  }

  private long dm(String text, String ref) {
    return outbox.enqueue(
        OutboxMessage.post("T0SANDBOX", "nudge", "U0ADA", text, null, ref), clock.instant());
  }

  @Test
  void aQueuedDirectMessageIsPostedOnceAndItsTsKept() {
    dm("Time for a break?", "nudge:1");
    assertThat(sender.drainOnce()).isEmpty();
    assertThat(sender.drainOnce()).isEmpty();
    assertThat(slack.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.messages("DU0ADA"))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("Time for a break?"));
    assertThat(outbox.sentMessage("nudge:1"))
        .hasValueSatisfying(
            s -> {
              assertThat(s.channel()).isEqualTo("DU0ADA");
              assertThat(s.ts()).isEqualTo(slack.messages("DU0ADA").get(0).ts());
            });
  }

  @Test
  void aRateLimitIsWaitedOutAndTheMessageStillGoesOutExactlyOnce() {
    slack.rateLimitNext("chat.postMessage", 1, 1);
    dm("hello", "nudge:2");

    assertThat(sender.drainOnce()).contains(NOW.plusSeconds(1));
    assertThat(slack.messages("DU0ADA")).isEmpty();
    assertThat(sender.drainOnce()).contains(NOW.plusSeconds(1));
    assertThat(slack.calls("chat.postMessage")).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.drainOnce()).isEmpty();
    assertThat(slack.messages("DU0ADA")).hasSize(1);
    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(DbPeek.count(location("outbox.db"), "SELECT attempts FROM outbox")).isEqualTo(1);
  }

  @Test
  void oneChannelGetsAtMostOneMessagePerSecond() {
    dm("one", null);
    dm("two", null);
    dm("three", null);
    assertThat(sender.drainOnce()).contains(NOW.plusSeconds(1));
    assertThat(slack.messages("DU0ADA")).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    sender.drainOnce();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.drainOnce()).isEmpty();
    assertThat(slack.messages("DU0ADA"))
        .extracting(m -> m.text())
        .containsExactly("one", "two", "three");
  }

  @Test
  void aPermanentErrorIsGivenUpAndATransientOneRetriedLater() {
    slack.failNext("chat.postMessage", 1, "channel_not_found");
    dm("lost", null);
    sender.drainOnce();
    assertThat(
            DbPeek.count(
                location("outbox.db"), "SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL"))
        .isEqualTo(1);

    slack.failNext("chat.postMessage", 1, "internal_error");
    clock.advance(Duration.ofSeconds(2));
    dm("again", null);
    Instant retry = sender.drainOnce().orElseThrow();
    assertThat(retry).isAfter(clock.instant());
    clock.set(retry);
    assertThat(sender.drainOnce()).isEmpty();
    assertThat(slack.messages("DU0ADA")).extracting(m -> m.text()).containsExactly("again");
  }

  @Test
  void aRowLeftPendingBeforeARestartIsDeliveredAfterIt() {
    dm("survives restarts", null);
    db.close();
    db = Database.open(location("outbox.db"));
    outbox = new OutboxStore(db);
    OutboxSender afterRestart =
        new OutboxSender(outbox, methods, SendLimits.slackDefaults(), clock);
    assertThat(afterRestart.drainOnce()).isEmpty();
    assertThat(slack.messages("DU0ADA"))
        .extracting(m -> m.text())
        .containsExactly("survives restarts");
  }

  @Test
  void anUpdateReplacesTheSentMessageInPlace() {
    dm("before", "nudge:9");
    sender.drainOnce();
    OutboxStore.SentMessage sent = outbox.sentMessage("nudge:9").orElseThrow();
    clock.advance(Duration.ofSeconds(2));
    outbox.enqueue(
        OutboxMessage.update(
            "T0SANDBOX", "nudge-answer", sent.channel(), sent.ts(), "after", null, "nudge:9"),
        clock.instant());
    sender.drainOnce();
    assertThat(slack.messages("DU0ADA"))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("after"));
  }

  @Test
  void aFileIsUploadedAndSharedInTheChannel() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    outbox.enqueue(
        OutboxMessage.upload(
            "T0SANDBOX",
            "summary-chart",
            "C0TEAM",
            "Hours per day",
            new OutboxMessage.Attachment("hours.png", "Hours per day", png),
            "summary:C0TEAM:2026-W48"),
        clock.instant());
    assertThat(sender.drainOnce()).isEmpty();
    assertThat(slack.uploads())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.bytes()).isEqualTo(png);
              assertThat(f.channelId()).isEqualTo("C0TEAM");
              assertThat(f.completed()).isTrue();
            });
    assertThat(
            DbPeek.count(
                location("outbox.db"), "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"))
        .isEqualTo(1);
  }
}
