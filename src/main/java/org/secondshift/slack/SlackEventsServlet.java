package org.secondshift.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secondshift.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: size limit, signature and shape checks, then Bolt.
 *
 * <p>Bad input is the caller's problem and gets a 4xx; only a store that cannot take the write
 * answers 503, so that Slack retries an event we could not keep.
 */
public final class SlackEventsServlet extends HttpServlet {
  /** Slack's own payloads are far smaller; anything above this is not from Slack. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** How much of an oversized body is read and dropped before answering 413. */
  static final long DRAIN_LIMIT = 4L << 20;

  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

  private final transient App app;
  private final transient SlackRequestParser parser;
  private final transient RequestGuard guard;

  public SlackEventsServlet(App app, RequestGuard guard) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.guard = guard;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      tooLarge(req, resp);
      return;
    }
    byte[] bytes = readAtMost(req.getInputStream(), MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      tooLarge(req, resp);
      return;
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Optional<RequestGuard.Rejection> rejection =
        guard.check(
            req.getHeader("X-Slack-Request-Timestamp"),
            req.getHeader("X-Slack-Signature"),
            req.getContentType(),
            body);
    if (rejection.isPresent()) {
      reply(resp, rejection.get().status(), rejection.get().reason());
      return;
    }
    write(resp, run(req, body));
  }

  private Response run(HttpServletRequest req, String body) {
    Request<?> slackRequest;
    try {
      slackRequest =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(req.getRequestURI())
                  .queryString(Map.of())
                  .headers(new RequestHeaders(headers(req)))
                  .requestBody(body)
                  .remoteAddress(req.getRemoteAddr())
                  .build());
    } catch (RuntimeException e) {
      return plain(400, "malformed payload");
    }
    if (slackRequest == null) {
      return plain(400, "not a request Slack sends");
    }
    try {
      return app.run(slackRequest);
    } catch (StoreException e) {
      log.error("store refused a write; Slack will retry: {}", e.getMessage(), e);
      return plain(503, "temporarily unable to record; retry");
    } catch (Exception e) {
      // Payload fields Bolt or a listener could not make sense of: the request is at fault.
      log.warn("could not process a {} request: {}", slackRequest.getRequestType(), e.toString());
      return plain(400, "could not process payload");
    }
  }

  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    return headers;
  }

  /**
   * Answers 413. A body of modest excess is read and dropped first, so the client finishes sending
   * and reads the answer instead of a reset connection; a huge one is not read at all.
   */
  private static void tooLarge(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    long declared = req.getContentLengthLong();
    if (declared <= DRAIN_LIMIT) {
      long left = DRAIN_LIMIT;
      byte[] sink = new byte[16 * 1024];
      int n;
      while (left > 0
          && (n = req.getInputStream().read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
        left -= n;
      }
    } else {
      resp.setHeader("Connection", "close");
    }
    reply(resp, 413, "request body larger than 1 MiB");
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  private static Response plain(int status, String text) {
    return Response.builder()
        .statusCode(status)
        .contentType("text/plain; charset=utf-8")
        .body(text)
        .build();
  }

  private static void reply(HttpServletResponse resp, int status, String text) throws IOException {
    write(resp, plain(status, text));
  }

  private static void write(HttpServletResponse resp, Response r) throws IOException {
    resp.setStatus(r.getStatusCode());
    if (r.getHeaders() != null) {
      r.getHeaders().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
    }
    if (r.getContentType() != null) {
      resp.setContentType(r.getContentType());
    }
    if (r.getBody() != null) {
      byte[] out = r.getBody().getBytes(StandardCharsets.UTF_8);
      resp.setContentLength(out.length);
      resp.getOutputStream().write(out);
    }
  }
}
