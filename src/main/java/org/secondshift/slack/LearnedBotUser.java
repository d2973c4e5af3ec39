package org.secondshift.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * For an app installed in one workspace: the bot user that Bolt's authorization ({@code auth.test}
 * on the configured token) last confirmed, trusted for as long as Bolt caches that answer, counted
 * from the request that showed it (so up to that long again after Bolt's own cache ran out; a
 * revoked token also arrives as {@code tokens_revoked}). Runs as middleware after the
 * authorization, so it only ever holds what a request that passed it showed.
 */
public final class LearnedBotUser implements Middleware, BotUsers {
  private final Clock clock;
  private final Duration trusted;
  private final AtomicReference<Seen> seen = new AtomicReference<>();

  /**
   * @param trusted how long an answer counts, Bolt's {@code authTestCacheExpirationMillis}
   */
  public LearnedBotUser(Clock clock, Duration trusted) {
    this.clock = clock;
    this.trusted = trusted;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    String botUserId = req.getContext().getBotUserId();
    if (botUserId != null && !botUserId.isBlank()) {
      Seen last = seen.get();
      if (last == null || !last.botUserId.equals(botUserId) || isStale(last)) {
        seen.set(new Seen(botUserId, clock.instant()));
      }
    }
    return chain.next(req);
  }

  /** The one workspace's bot user, whatever team an envelope names (Bolt checks only the token). */
  @Override
  public Optional<String> botUserId(String teamId) {
    Seen last = seen.get();
    return last == null || isStale(last) ? Optional.empty() : Optional.of(last.botUserId);
  }

  private boolean isStale(Seen s) {
    return !clock.instant().isBefore(s.at.plus(trusted));
  }

  private record Seen(String botUserId, Instant at) {}
}
