package org.secondshift.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.secondshift.captain.HandoffListener;

/**
 * After a handoff the outgoing captain may get a recovery nudge. Which watches ended is read from
 * the database, so a crash between the handoff and the nudge loses nothing: the next look (at the
 * next handoff, the periodic rest check, or the start) finds the watch still unchecked.
 */
public final class RecoveryNudges implements HandoffListener {
  /** A watch that ended longer ago than this gets no recovery nudge any more. */
  static final Duration TOO_LATE = Duration.ofHours(6);

  /**
   * A watch shorter than this earns no recovery nudge: an hour held between a mid-shift setup and
   * the first handoff is no reason to tell anyone to sleep in.
   */
  static final Duration SHORTEST_WATCH = Duration.ofHours(2);

  private static final int BATCH = 100;

  private final Nudges nudges;
  private final EndedWatches watches;

  public RecoveryNudges(Nudges nudges, EndedWatches watches) {
    this.nudges = nudges;
    this.watches = watches;
  }

  @Override
  public void shiftEnded(String teamId, String channelId, String captainId, Instant endedAt) {
    nudges.inBackground("recovery/" + teamId + "/" + channelId, () -> catchUp(endedAt));
  }

  /**
   * Looks at every watch ended by {@code now} and not looked at yet; returns how many. A watch is
   * marked only after its nudge is decided, and the nudge store refuses a second one for the same
   * ended watch, so a look repeated after a crash, or by a second instance, sends nothing twice.
   */
  public int catchUp(Instant now) {
    watches.expire(now.minus(TOO_LATE), now);
    int looked = 0;
    // Watches whose nudge waits for Slack to say whether DND is on stay unchecked for the next
    // look.
    Set<Long> waiting = new HashSet<>();
    while (true) {
      List<EndedWatches.EndedWatch> batch =
          watches.unchecked(now.minus(TOO_LATE), now, BATCH).stream()
              .filter(w -> !waiting.contains(w.shiftId()))
              .toList();
      if (batch.isEmpty()) {
        return looked;
      }
      for (EndedWatches.EndedWatch w : batch) {
        if (w.length().compareTo(SHORTEST_WATCH) < 0) {
          if (watches.markChecked(w.shiftId(), now)) {
            looked++;
          }
          continue;
        }
        Verdict v = nudges.recover(w.teamId(), w.captainId(), w.channelId(), w.endedAt());
        if (v instanceof Verdict.Hold h && h.reason() == Verdict.Reason.DND_UNKNOWN) {
          waiting.add(w.shiftId());
        } else if (watches.markChecked(w.shiftId(), now)) {
          looked++;
        }
      }
    }
  }
}
