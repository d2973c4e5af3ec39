package org.secondshift.store;

import java.time.Instant;

/** An outbox row as the sender sees it. */
public record OutboxRow(long id, OutboxMessage message, int attempts, Instant createdAt) {}
