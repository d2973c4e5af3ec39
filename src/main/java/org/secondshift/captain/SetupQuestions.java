package org.secondshift.captain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The question "replace this channel's rotation?": keeps the proposed setup on the server and
 * applies it once, when its author confirms within the life of the question.
 */
public final class SetupQuestions {
  /** As long as Slack keeps a message's {@code response_url} usable. */
  public static final Duration LIFE = Duration.ofMinutes(30);

  private final PendingSetups pending;
  private final Rotations rotations;

  public SetupQuestions(PendingSetups pending, Rotations rotations) {
    this.pending = Objects.requireNonNull(pending, "pending");
    this.rotations = Objects.requireNonNull(rotations, "rotations");
  }

  /**
   * Sets up the rotation {@code proposal} describes (its {@code replaces} ignored) unless the
   * channel has one; then keeps the proposal for its author's answer, and the question's id comes
   * back with the result.
   */
  public Proposed propose(PendingSetup proposal) {
    SetupResult result = apply(proposal, proposal.createdAt(), -1);
    if (result.outcome() != SetupResult.Outcome.NEEDS_CONFIRMATION) {
      return new Proposed(result, "");
    }
    pending.purge(proposal.createdAt().minus(LIFE));
    return new Proposed(result, pending.save(proposal.replacing(result.existingId())));
  }

  /**
   * The author confirmed question {@code id}: applies its setup the first time, and only then; a
   * later click finds it used, a late one finds it older than {@link #LIFE}.
   */
  public Answer confirm(String id, String teamId, String userId, Instant now) {
    PendingSetups.Claim claim = pending.claim(id, teamId, userId, now.minus(LIFE), now);
    return switch (claim.found()) {
      case WON ->
          new Answer(
              claim.found(),
              apply(claim.setup(), now, claim.setup().replaces()),
              claim.setup().zone());
      case USED, EXPIRED -> new Answer(claim.found(), null, null);
    };
  }

  private SetupResult apply(PendingSetup p, Instant now, long replaces) {
    return rotations.setup(
        p.teamId(),
        p.channelId(),
        p.userId(),
        p.roster(),
        p.cadence(),
        p.at(),
        p.zone(),
        now,
        replaces);
  }

  /** What a proposal did, and the id of the question it asks, or empty when it asks none. */
  public record Proposed(SetupResult result, String questionId) {}

  /** How a confirmation ended; the setup's result and zone when it was applied now. */
  public record Answer(PendingSetups.Found found, SetupResult result, ZoneId zone) {}
}
