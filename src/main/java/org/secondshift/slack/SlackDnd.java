package org.secondshift.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.dnd.DndInfoResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.secondshift.rest.DndStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Do Not Disturb from {@code dnd.info}, kept for a minute so a burst of checks asks Slack once.
 * Blocks on the Web API: call it from background work only.
 */
public final class SlackDnd implements DndStatus {
  static final Duration KEEP = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(SlackDnd.class);

  private final MethodsClient slack;
  private final Clock clock;
  private final Map<String, Known> cache = new ConcurrentHashMap<>();

  public SlackDnd(MethodsClient slack, Clock clock) {
    this.slack = slack;
    this.clock = clock;
  }

  @Override
  public boolean inDnd(String teamId, String userId) {
    Instant now = clock.instant();
    String key = teamId + "/" + userId;
    Known known = cache.get(key);
    if (known != null && known.at().plus(KEEP).isAfter(now) && !known.at().isAfter(now)) {
      return known.inDnd();
    }
    boolean on = ask(teamId, userId, now);
    cache.put(key, new Known(on, now));
    return on;
  }

  private boolean ask(String teamId, String userId, Instant now) {
    try {
      DndInfoResponse r = slack.dndInfo(q -> q.user(userId));
      if (!r.isOk()) {
        log.warn(
            "dnd.info failed for user {} in team {}: {}",
            LogText.cap(userId),
            LogText.cap(teamId),
            r.getError());
        return false;
      }
      long second = now.getEpochSecond();
      boolean snoozed =
          r.isSnoozeEnabled() && r.getSnoozeEndtime() != null && r.getSnoozeEndtime() > second;
      // dnd_enabled only says a schedule exists; it is on when now falls in the next window.
      boolean scheduled =
          r.isDndEnabled()
              && r.getNextDndStartTs() != null
              && r.getNextDndEndTs() != null
              && r.getNextDndStartTs() <= second
              && second < r.getNextDndEndTs();
      return snoozed || scheduled;
    } catch (Exception e) {
      // Unknown is treated as "not in DND": a missing scope must not silence every nudge.
      log.warn(
          "dnd.info failed for user {} in team {}: {}",
          LogText.cap(userId),
          LogText.cap(teamId),
          LogText.cap(e.toString()));
      return false;
    }
  }

  private record Known(boolean inDnd, Instant at) {}
}
