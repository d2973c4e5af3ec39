package org.secondshift.slack.outbox;

import java.time.Instant;
import org.secondshift.store.OutboxRow;
import org.secondshift.store.OutboxStore;

/** What becomes of a row the sender gives up on: it is marked failed, and someone may be told. */
@FunctionalInterface
public interface Undeliverable {
  /** Marks {@code row} failed with Slack's {@code error}, in one transaction with any notice. */
  void giveUp(OutboxRow row, String error, Instant now);

  /** Only marks the row failed. */
  static Undeliverable markFailed(OutboxStore store) {
    return (row, error, now) -> store.fail(row.id(), error, now);
  }
}
