package org.secondshift.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.dnd.DndInfoResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.secondshift.rest.Dnd;
import org.secondshift.rest.DndStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Do Not Disturb from {@code dnd.info}, kept for a minute so a burst of checks asks Slack once.
 * With a bot token Slack shows only the person's DND schedule, never a snooze they started
 * themselves (https://api.slack.com/methods/dnd.info), so the schedule is all this can see. When
 * Slack does not answer, the state is unknown and is asked again at the next check. Blocks on the
 * Web API: call it from background work only.
 */
public final class SlackDnd implements DndStatus {
  static final Duration KEEP = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(SlackDnd.class);

  private final TeamClients slack;
  private final Clock clock;
  private final Map<String, Known> cache = new ConcurrentHashMap<>();

  public SlackDnd(TeamClients slack, Clock clock) {
    this.slack = slack;
    this.clock = clock;
  }

  @Override
  public Dnd dnd(String teamId, String userId) {
    Instant now = clock.instant();
    String key = teamId + "/" + userId;
    Known known = cache.get(key);
    if (known != null && known.at().plus(KEEP).isAfter(now) && !known.at().isAfter(now)) {
      return known.dnd();
    }
    Dnd answer = ask(teamId, userId, now);
    // Not knowing is not kept: the next check asks Slack again.
    if (answer == Dnd.UNKNOWN) {
      cache.remove(key);
    } else {
      cache.put(key, new Known(answer, now));
    }
    return answer;
  }

  private Dnd ask(String teamId, String userId, Instant now) {
    var client = slack.of(teamId);
    if (client.isEmpty()) {
      return unknown(teamId, userId, "the bot is not installed in that workspace");
    }
    try {
      DndInfoResponse r = client.get().dndInfo(q -> q.user(userId));
      if (!r.isOk()) {
        return unknown(teamId, userId, r.getError());
      }
      long second = now.getEpochSecond();
      // dnd_enabled only says a schedule exists; it is on when now falls in the next window.
      boolean scheduled =
          r.isDndEnabled()
              && r.getNextDndStartTs() != null
              && r.getNextDndEndTs() != null
              && r.getNextDndStartTs() <= second
              && second < r.getNextDndEndTs();
      return Dnd.of(scheduled);
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      return unknown(teamId, userId, status == 429 ? "ratelimited" : "HTTP " + status);
    } catch (Exception e) {
      return unknown(teamId, userId, e.toString());
    }
  }

  private static Dnd unknown(String teamId, String userId, String why) {
    log.warn(
        "dnd.info failed for user {} in team {}, so their nudge waits for the next check: {}",
        LogText.cap(userId),
        LogText.cap(teamId),
        LogText.cap(why));
    return Dnd.UNKNOWN;
  }

  private record Known(Dnd dnd, Instant at) {}
}
