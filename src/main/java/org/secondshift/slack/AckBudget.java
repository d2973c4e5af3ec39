package org.secondshift.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import org.secondshift.store.Database;

/**
 * Runs each request's listener {@link Database#within within} {@link #BUDGET}, so that a write
 * stuck behind a locked database is given up, unapplied, in time for Slack's three seconds: the
 * request then ends in a {@code StoreException}, answered 503 over HTTP and left unacknowledged in
 * Socket Mode, and Slack delivers it again.
 */
public final class AckBudget implements Middleware {
  /** Leaves a second of Slack's three for the way back. */
  public static final Duration BUDGET = Duration.ofSeconds(2);

  private final Database db;

  public AckBudget(Database db) {
    this.db = db;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    return db.within(BUDGET, () -> chain.next(req));
  }
}
