package org.secondshift.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses (400) an event whose {@code ts} or {@code event_ts} is not a timestamp Slack could have
 * sent now (see {@link SlackTimestamps#plausible}), before any listener turns it into activity: a
 * session in 1970 or in the year 2500 would skew every hour log it touches.
 */
public final class PlausibleTimestamps implements Middleware {
  /** The event fields listeners read as instants. */
  static final List<String> FIELDS = List.of("ts", "event_ts");

  private static final Logger log = LoggerFactory.getLogger(PlausibleTimestamps.class);

  private final Clock clock;

  public PlausibleTimestamps(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req instanceof EventRequest events) {
      Optional<String> bad = implausible(events.getRequestBodyAsString());
      if (bad.isPresent()) {
        log.warn(
            "refused a {} event of team {} with an implausible {}",
            LogText.cap(events.getEventType()),
            LogText.cap(events.getContext().getTeamId()),
            bad.get());
        return Response.builder()
            .statusCode(400)
            .contentType("text/plain; charset=utf-8")
            .body("event timestamp is not a plausible Slack timestamp")
            .build();
      }
    }
    return chain.next(req);
  }

  /** The first offending field and value, as shown in a log line; empty when all is well. */
  private Optional<String> implausible(String body) {
    JsonElement event = JsonParser.parseString(body).getAsJsonObject().get("event");
    if (event == null || !event.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject fields = event.getAsJsonObject();
    for (String field : FIELDS) {
      JsonElement value = fields.get(field);
      if (value == null || value.isJsonNull()) {
        continue;
      }
      boolean text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
      if (!text || SlackTimestamps.plausible(value.getAsString(), clock.instant()).isEmpty()) {
        return Optional.of(field + " '" + LogText.cap(value.toString()) + "'");
      }
    }
    return Optional.empty();
  }
}
