package org.secondshift.slack;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.secondshift.slack.blocks.HelpView;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.PointerStore;

/**
 * Answers a person who writes to the bot's Messages tab with a pointer to {@code /shift}, at most
 * once per person and local day, so a "thanks" in reply starts no back-and-forth. What they wrote
 * is neither read nor kept.
 */
public final class MessagesTab {
  static final OutboxKind KIND = OutboxKind.POINTER;

  private final PointerStore pointers;
  private final SlackZoneDirectory zones;
  private final Runnable queued;
  private final Clock clock;

  /**
   * @param queued called after an answer was queued, e.g. to wake the outbox
   */
  public MessagesTab(
      PointerStore pointers, SlackZoneDirectory zones, Runnable queued, Clock clock) {
    this.pointers = pointers;
    this.zones = zones;
    this.queued = queued;
    this.clock = clock;
  }

  /** {@code userId} wrote in {@code channelId}, their direct message with the bot. */
  public void wrote(String teamId, String userId, String channelId) {
    Instant now = clock.instant();
    // The request path asks Slack nothing: the zone is whatever is known, looked up afterwards.
    LocalDate day = LocalDate.ofInstant(now, zones.zoneWithoutAsking(teamId, userId));
    OutboxMessage answer =
        OutboxMessage.post(
            teamId,
            KIND,
            channelId,
            HelpView.MESSAGES_TAB_POINTER,
            null,
            KIND.label() + ":" + userId + ":" + day);
    if (pointers.answerOncePerDay(teamId, userId, day, answer, now)) {
      queued.run();
    }
    zones.prefetch(teamId, userId);
  }
}
