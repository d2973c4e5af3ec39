package org.secondshift.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.config.Mode;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.SlackApp;
import org.secondshift.slack.TeamClients;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxStore;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SettableClock;
import org.secondshift.testing.Vendor;

/** Two instances draining one outbox on PostgreSQL: each row once, within one set of limits. */
class SharedOutboxTest {
  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  @TempDir Path dir;

  private SettableClock clock;
  private SlackStandIn slack;
  private Database a;
  private Database b;
  private TeamClients methods;

  @BeforeEach
  void start() {
    clock = new SettableClock(NOW);
    slack = SlackStandIn.start(clock);
    DatabaseLocation shared = Vendor.POSTGRESQL.fresh(dir);
    a = Database.open(shared);
    b = Database.open(shared);
    methods =
        TeamClients.single(
            SlackApp.client(RunningBot.settings(Mode.HTTP, slack, dir.resolve("unused.db"))),
            "xoxb-test");
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    slack.close();
  }

  private void enqueue(int count) {
    OutboxStore queue = new OutboxStore(a);
    for (int i = 0; i < count; i++) {
      slack.addUser("U" + i, "person" + i, "UTC");
      queue.enqueue(
          OutboxMessage.post("T0SANDBOX", OutboxKind.NUDGE, "U" + i, "note " + i, null, "ref:" + i),
          NOW);
    }
  }

  @Test
  void twoSendersDrainingAtOnceSendEveryMessageExactlyOnce() throws Exception {
    int count = 60;
    enqueue(count);
    SendLimits roomy = new SendLimits(10_000, 10_000, Duration.ZERO);
    List<OutboxSender> senders =
        List.of(
            new OutboxSender(new OutboxStore(a), methods, roomy, clock, 5),
            new OutboxSender(new OutboxStore(b), methods, roomy, clock, 5));
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Void>> running =
        senders.stream()
            .map(
                sender ->
                    CompletableFuture.runAsync(
                        () -> {
                          try {
                            together.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          while (slack.calls("chat.postMessage").size() < count) {
                            sender.drainOnce();
                          }
                        }))
            .toList();
    for (CompletableFuture<Void> r : running) {
      r.get(60, TimeUnit.SECONDS);
    }
    senders.forEach(OutboxSender::drainOnce);
    assertThat(slack.calls("chat.postMessage")).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(slack.messages("DU" + i)).hasSize(1);
    }
  }

  @Test
  void theWorkspaceLimitHoldsForTheClusterNotForEachInstance() {
    enqueue(10);
    SendLimits tight = new SendLimits(1, 3, Duration.ZERO);
    OutboxSender first = new OutboxSender(new OutboxStore(a), methods, tight, clock);
    OutboxSender second = new OutboxSender(new OutboxStore(b), methods, tight, clock);
    for (int round = 0; round < 3; round++) {
      first.drainOnce();
      second.drainOnce();
    }
    // One burst for the workspace, whichever instance sends it.
    assertThat(slack.calls("chat.postMessage")).hasSize(3);
  }

  @Test
  void whenTheSendingInstanceDiesAnotherTakesOverAfterTheLease() {
    enqueue(10);
    SendLimits roomy = new SendLimits(10_000, 10_000, Duration.ZERO);
    OutboxSender dying = new OutboxSender(new OutboxStore(a), methods, roomy, clock, 4);
    OutboxSender survivor = new OutboxSender(new OutboxStore(b), methods, roomy, clock, 4);
    dying.drainOnce();
    assertThat(slack.calls("chat.postMessage")).hasSize(4);

    // The first instance stops renewing without a word (killed): the survivor waits it out.
    assertThat(survivor.drainOnce()).contains(NOW.plusSeconds(1));
    assertThat(slack.calls("chat.postMessage")).hasSize(4);
    clock.advance(OutboxSender.SENDER_LEASE.plusSeconds(1));
    while (survivor.drainOnce().isPresent()) {
      // drains the rest
    }
    assertThat(slack.calls("chat.postMessage")).hasSize(10);
  }

  @Test
  void aSenderThatStopsHandsOverAtOnce() {
    enqueue(6);
    SendLimits roomy = new SendLimits(10_000, 10_000, Duration.ZERO);
    OutboxSender leaving = new OutboxSender(new OutboxStore(a), methods, roomy, clock, 3);
    OutboxSender staying = new OutboxSender(new OutboxStore(b), methods, roomy, clock, 3);
    leaving.drainOnce();
    leaving.stop();
    while (staying.drainOnce().isPresent()) {
      // drains the rest
    }
    assertThat(slack.calls("chat.postMessage")).hasSize(6);
  }
}
