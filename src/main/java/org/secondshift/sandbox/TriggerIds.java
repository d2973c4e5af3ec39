package org.secondshift.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The trigger ids the stand-in handed out with clicks and commands: when each was handed out and
 * whether a call already spent it, so that {@code views.open} answers as {@link
 * SlackRules#triggerError} says. Each id names the person it was handed to.
 */
final class TriggerIds {
  private final LongSupplier nanoTime;
  private final Map<String, Minted> minted = new HashMap<>();
  private long sequence;

  /** {@code nanoTime} reads elapsed time, as {@link System#nanoTime()} does. */
  TriggerIds(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  private record Minted(long atNanos, boolean exchanged) {}

  /** A new trigger id for a click or a command by {@code userId}, its three seconds from now. */
  synchronized String mint(String userId) {
    String id = ++sequence + "." + userId + ".sandbox";
    minted.put(id, new Minted(nanoTime.getAsLong(), false));
    return id;
  }

  /**
   * Spends {@code triggerId} on a call, or tells why Slack would refuse it; a refused trigger is
   * left as it was.
   */
  synchronized Optional<String> exchange(String triggerId) {
    Minted m = minted.get(triggerId);
    Duration age = m == null ? Duration.ZERO : Duration.ofNanos(nanoTime.getAsLong() - m.atNanos());
    Optional<String> refused = SlackRules.triggerError(m != null, m != null && m.exchanged(), age);
    if (refused.isEmpty()) {
      minted.put(triggerId, new Minted(m.atNanos(), true));
    }
    return refused;
  }

  /** The person a trigger id was handed to, or null for an id of another shape. */
  static String userOfTrigger(String triggerId) {
    String[] parts = triggerId.split("\\.");
    return parts.length == 3 ? parts[1] : null;
  }
}
