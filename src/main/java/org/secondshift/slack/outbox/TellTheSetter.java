package org.secondshift.slack.outbox;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxRow;
import org.secondshift.store.PostFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a row failed and, when it was a channel post of a rotation or of a weekly summary plan,
 * tells whoever set that plan up, once, by direct message.
 */
public final class TellTheSetter implements Undeliverable {
  private static final Logger log = LoggerFactory.getLogger(TellTheSetter.class);
  // The outbox kinds that a rotation and a weekly summary plan post in their channel.
  private static final Set<OutboxKind> ROTATION_KINDS =
      EnumSet.of(OutboxKind.CAPTAIN_PLAN, OutboxKind.HANDOFF, OutboxKind.CAPTAIN_PAUSE);
  private static final Set<OutboxKind> SUMMARY_KINDS =
      EnumSet.of(OutboxKind.SUMMARY, OutboxKind.SUMMARY_CHART);

  private final PostFailures failures;

  public TellTheSetter(PostFailures failures) {
    this.failures = failures;
  }

  @Override
  public void giveUp(OutboxRow row, String error, Instant now) {
    Optional<PostFailures.Owner> owner = owner(row.message());
    Optional<String> told = failures.fail(row.id(), error, now, owner);
    told.ifPresent(
        setter ->
            log.info(
                "told {} in team {} that posts to {} fail: {}",
                setter,
                row.message().teamId(),
                row.message().channel(),
                error));
  }

  /** The plan whose channel post {@code m} is, if it is one. */
  static Optional<PostFailures.Owner> owner(OutboxMessage m) {
    PostFailures.Plan plan =
        ROTATION_KINDS.contains(m.kind())
            ? PostFailures.Plan.ROTATION
            : SUMMARY_KINDS.contains(m.kind()) ? PostFailures.Plan.SUMMARY : null;
    if (plan == null || !(m.channel().startsWith("C") || m.channel().startsWith("G"))) {
      return Optional.empty();
    }
    return Optional.of(new PostFailures.Owner(plan, m.teamId(), m.channel()));
  }
}
