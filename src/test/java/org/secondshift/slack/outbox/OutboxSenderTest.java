package org.secondshift.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.SlackApp;
import org.secondshift.slack.TeamClients;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.store.OutboxKind;
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
  private TeamClients methods;

  @BeforeEach
  void start() {
    slack = RunningBot.withTestChannels(SlackStandIn.start(clock));
    slack.addUser("U0ADA", "ada", "Europe/Berlin");
    db = Database.open(location("outbox.db"));
    outbox = new OutboxStore(db);
    Slack client = SlackApp.client(RunningBot.settings(Mode.HTTP, slack, dir.resolve("unused.db")));
    methods = TeamClients.single(client, "xoxb-test");
    sender = new OutboxSender(outbox, methods, new SendLimits(50, 5, Duration.ofSeconds(1)), clock);
  }

  @AfterEach
  void stop() {
    db.close();
    slack.close();
  }

  private long dm(String text, String ref) {
    return outbox.enqueue(
        OutboxMessage.post("T0SANDBOX", OutboxKind.NUDGE, "U0ADA", text, null, ref),
        clock.instant());
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
            "T0SANDBOX",
            OutboxKind.NUDGE_ANSWER,
            sent.channel(),
            sent.ts(),
            "after",
            null,
            "nudge:9"),
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
            OutboxKind.SUMMARY_CHART,
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

  private long rows(String where) {
    return DbPeek.count(location("outbox.db"), "SELECT COUNT(*) FROM outbox WHERE " + where);
  }

  private long chart(String channel) {
    return outbox.enqueue(
        OutboxMessage.upload(
            "T0SANDBOX",
            OutboxKind.SUMMARY_CHART,
            channel,
            "Hours per day",
            new OutboxMessage.Attachment("hours.png", "Hours per day", new byte[] {1, 2, 3}),
            "summary:" + channel + ":2026-W48"),
        clock.instant());
  }

  /** Drains at each retry time until nothing is due; returns how many drains ran. */
  private int drainUntilSettled() {
    int drains = 0;
    for (Optional<Instant> next = sender.drainOnce(); next.isPresent(); next = sender.drainOnce()) {
      clock.set(next.get());
      drains++;
    }
    return drains;
  }

  @Test
  void aChartSlackRefusesToShareIsGivenUpAtOnceInsteadOfUploadedEveryHour() {
    slack.addChannel("C0RANDOM", "random");
    chart("C0RANDOM");

    assertThat(sender.drainOnce()).isEmpty();
    clock.advance(Duration.ofHours(2));
    assertThat(sender.drainOnce()).isEmpty();

    assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
    assertThat(rows("failed_at IS NOT NULL AND last_error = 'not_in_channel'")).isEqualTo(1);
  }

  @Test
  void aChartWhoseUploadKeepsFailingIsTriedTenTimesThenGivenUp() {
    slack.failNext("files.getUploadURLExternal", 20, "internal_error");
    chart("C0TEAM");

    drainUntilSettled();

    assertThat(slack.calls("files.getUploadURLExternal")).hasSize(OutboxSender.MAX_ATTEMPTS);
    assertThat(rows("failed_at IS NOT NULL AND attempts = 10 AND last_error = 'internal_error'"))
        .isEqualTo(1);
  }

  @Test
  void aMessageThatCannotReachSlackAtAllIsTriedTenTimesThenGivenUp() {
    TeamClients nowhere =
        TeamClients.single(
            SlackApp.client(
                new Settings(
                    Mode.HTTP,
                    "xoxb-test",
                    RunningBot.SECRET,
                    null,
                    URI.create("http://127.0.0.1:1/api/"),
                    0,
                    DatabaseLocation.sqlite(dir.resolve("unused.db")),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(10),
                    LocalTime.of(22, 0),
                    LocalTime.of(7, 0))),
            "xoxb-test");
    sender = new OutboxSender(outbox, nowhere, SendLimits.slackDefaults(), clock);
    dm("unreachable", null);

    drainUntilSettled();

    assertThat(rows("failed_at IS NOT NULL AND attempts = 10")).isEqualTo(1);
  }

  @Test
  void aMissingScopeFailsThatMessageOnlyAndTheWorkspaceGoesOn() {
    slack.failNext("chat.postMessage", 1, "missing_scope");
    dm("needs a scope", null);
    dm("fine", null);

    drainUntilSettled();

    assertThat(rows("failed_at IS NOT NULL AND last_error = 'missing_scope'")).isEqualTo(1);
    assertThat(slack.messages("DU0ADA")).extracting(m -> m.text()).containsExactly("fine");
    assertThat(sender.paused()).isEmpty();
  }

  @Test
  void aRefusedTokenPausesOnlyThatWorkspaceKeepsItsRowsAndARestartSendsThem() {
    slack.failNext("chat.postMessage", 1, "token_revoked");
    dm("first", null);
    dm("second", null);
    outbox.enqueue(
        OutboxMessage.post("T0OTHER", OutboxKind.NUDGE, "U0BOB", "other team", null, null),
        clock.instant());

    assertThat(sender.drainOnce()).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    assertThat(sender.drainOnce()).isEmpty();

    assertThat(sender.paused()).containsExactly("T0SANDBOX");
    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(slack.messages("DU0BOB")).extracting(m -> m.text()).containsExactly("other team");
    assertThat(rows("team_id = 'T0SANDBOX' AND sent_at IS NULL AND failed_at IS NULL"))
        .isEqualTo(2);
    assertThat(rows("team_id = 'T0SANDBOX' AND attempts = 0")).isEqualTo(2);

    sender = new OutboxSender(outbox, methods, new SendLimits(50, 5, Duration.ZERO), clock);
    drainUntilSettled();
    assertThat(slack.messages("DU0ADA"))
        .extracting(m -> m.text())
        .containsExactly("first", "second");
  }
}
