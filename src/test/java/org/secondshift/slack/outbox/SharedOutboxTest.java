package org.secondshift.slack.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secondshift.config.Mode;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.slack.SlackApp;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxStore;
import org.secondshift.testing.RunningBot;
import org.secondshift.testing.SettableClock;
import org.secondshift.testing.Vendor;

/** Two instances draining one outbox on PostgreSQL send each row once. */
class SharedOutboxTest {
  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  @TempDir Path dir;

  @Test
  void twoSendersDrainingAtOnceSendEveryMessageExactlyOnce() throws Exception {
    SettableClock clock = new SettableClock(NOW);
    DatabaseLocation shared = Vendor.POSTGRESQL.fresh(dir);
    try (SlackStandIn slack = SlackStandIn.start(clock);
        Database a = Database.open(shared);
        Database b = Database.open(shared)) {
      MethodsClient methods =
          SlackApp.client(RunningBot.settings(Mode.HTTP, slack, dir.resolve("unused.db")))
              .methods("xoxb-test");
      OutboxStore queue = new OutboxStore(a);
      int count = 120;
      for (int i = 0; i < count; i++) {
        slack.addUser("U" + i, "person" + i, "UTC");
        queue.enqueue(
            OutboxMessage.post("T0SANDBOX", "nudge", "U" + i, "note " + i, null, "ref:" + i), NOW);
      }
      SendLimits roomy = new SendLimits(10_000, 10_000, Duration.ZERO);
      // Small claims, so the two senders interleave instead of one taking everything.
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
                            while (sender.drainOnce().isPresent()) {
                              // drains until nothing is due for this sender
                            }
                          }))
              .toList();
      for (CompletableFuture<Void> r : running) {
        r.get();
      }
      assertThat(slack.calls("chat.postMessage")).hasSize(count);
      for (int i = 0; i < count; i++) {
        assertThat(slack.messages("DU" + i)).hasSize(1);
      }
    }
  }
}
