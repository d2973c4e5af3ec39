package org.secondshift.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.secondshift.ops.BotMetrics;

/**
 * Times every request from Slack, over HTTP or the socket, from the moment Bolt hands it over to
 * the answer, labelled by its type: the event's type ({@code message}, {@code reaction_added}…), or
 * {@code command}, {@code block_actions}, {@code view_submission}.
 */
public final class RequestMetrics implements Middleware {
  private final BotMetrics metrics;
  private final LongSupplier nanoTime;

  public RequestMetrics(BotMetrics metrics, LongSupplier nanoTime) {
    this.metrics = metrics;
    this.nanoTime = nanoTime;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    long start = nanoTime.getAsLong();
    try {
      return chain.next(req);
    } finally {
      metrics.request(type(req), Duration.ofNanos(nanoTime.getAsLong() - start));
    }
  }

  private static String type(Request req) {
    if (req instanceof EventRequest e && e.getEventType() != null) {
      return e.getEventType();
    }
    return switch (req.getRequestType()) {
      case Command -> "command";
      case BlockAction -> "block_actions";
      case ViewSubmission -> "view_submission";
      case ViewClosed -> "view_closed";
      default -> req.getRequestType().name().toLowerCase(Locale.ROOT);
    };
  }
}
