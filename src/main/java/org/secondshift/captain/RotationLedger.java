package org.secondshift.captain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Where rotations are kept; implemented by the store. */
public interface RotationLedger extends Watch {
  /** The rotation of a channel as it stands at {@code now}, if it has one. */
  Optional<RotationState> read(String teamId, String channelId, Instant now);

  /** Every rotation's team and channel, e.g. to rebuild schedules at start. */
  List<Rotation> all();

  /**
   * Reads the channel's rotation, lets {@code decide} choose, and applies the change in the same
   * transaction. Empty when the change was already made by someone else (a claim that lost), in
   * which case nothing was written. A {@link Refusal} thrown by {@code decide} changes nothing.
   */
  <R> Optional<R> decide(
      String teamId,
      String channelId,
      Instant now,
      Function<Optional<RotationState>, Decision<R>> decide);

  /** Captains on duty at {@code at} in the rotations of these channels. */
  List<OnDuty> onDuty(String teamId, Collection<String> channelIds, Instant at);

  /** Deletes notes handed over before {@code before}, and the messages that carried them. */
  int forgetNotesHandedOverBefore(Instant before);
}
