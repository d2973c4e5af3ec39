package org.secondshift.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.secondshift.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: signature headers, size limit, signature and shape checks, then Bolt.
 *
 * <p>Bad input is the caller's problem and gets a 4xx; only a store that cannot take the write in
 * time answers 503, so that Slack retries an event we could not keep. The body is read without
 * holding a thread while it trickles in, and only once the headers say the request may be from
 * Slack, so clients that stall or never sign cannot starve the server.
 */
public final class SlackEventsServlet extends HttpServlet {
  /** Slack's own payloads are far smaller; anything above this is not from Slack. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** How long a client may take to send its whole body once the headers are in. */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  /** How much of an oversized body is read and dropped before answering 413. */
  static final long DRAIN_LIMIT = 4L << 20;

  static final String TIMESTAMP = "X-Slack-Request-Timestamp";
  static final String SIGNATURE = "X-Slack-Signature";

  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

  private final transient App app;
  private final transient SlackRequestParser parser;
  private final transient RequestGuard guard;
  private final transient AppRateLimitedNotices rateLimited;
  private final transient Optional<MessageFastPath> fast;

  /**
   * @param fast where channel messages are answered beside Bolt's dispatch, or empty to hand every
   *     request to Bolt
   */
  public SlackEventsServlet(App app, RequestGuard guard, Optional<MessageFastPath> fast) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.guard = guard;
    this.rateLimited = new AppRateLimitedNotices();
    this.fast = fast;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    List<String> timestamps = Collections.list(req.getHeaders(TIMESTAMP));
    List<String> signatures = Collections.list(req.getHeaders(SIGNATURE));
    Optional<RequestGuard.Rejection> unsigned = guard.checkHeaders(timestamps, signatures);
    if (unsigned.isPresent()) {
      // Answered before any of the body is awaited; Jetty drops what is left of it.
      reply(resp, unsigned.get().status(), unsigned.get().reason());
      return;
    }
    if (req.getContentLengthLong() > DRAIN_LIMIT) {
      resp.setHeader("Connection", "close");
      reply(resp, 413, "request body larger than 1 MiB");
      return;
    }
    AsyncContext async = req.startAsync();
    async.setTimeout(BODY_DEADLINE.toMillis());
    BodyReader body =
        new BodyReader(async, req.getInputStream(), timestamps.get(0), signatures.get(0));
    async.addListener(body);
    req.getInputStream().setReadListener(body);
  }

  /** What to do with a whole, size-checked body: the checks that need it, then Bolt. */
  private Response handle(HttpServletRequest req, String timestamp, String signature, byte[] raw) {
    Optional<RequestGuard.Rejection> forged = guard.checkSignature(timestamp, signature, raw);
    if (forged.isPresent()) {
      return plain(forged.get().status(), forged.get().reason());
    }
    Optional<String> text = RequestGuard.decode(raw);
    if (text.isEmpty()) {
      return plain(400, "body is not valid UTF-8");
    }
    if (fast.isPresent()) {
      try {
        Optional<Response> answered = fast.get().answer(req.getContentType(), text.get());
        if (answered.isPresent()) {
          return answered.get();
        }
      } catch (StoreException e) {
        return unavailable(e);
      } catch (Exception e) {
        log.warn("could not record a message event: {}", LogText.cap(e.toString()));
        return plain(400, "could not process payload");
      }
    }
    RequestGuard.Outcome outcome = RequestGuard.checkShape(req.getContentType(), text.get());
    if (outcome instanceof RequestGuard.Rejection rejection) {
      return plain(rejection.status(), rejection.reason());
    }
    RequestGuard.Accepted accepted = (RequestGuard.Accepted) outcome;
    if (accepted.envelope().filter(AppRateLimitedNotices::isNotice).isPresent()) {
      rateLimited.noted(accepted.envelope().get());
      return plain(200, "");
    }
    return run(req, accepted.body());
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
      return unavailable(e);
    } catch (Exception e) {
      // Payload fields Bolt or a listener could not make sense of: the request is at fault.
      log.warn(
          "could not process a {} request: {}",
          slackRequest.getRequestType(),
          LogText.cap(e.toString()));
      return plain(400, "could not process payload");
    }
  }

  private static Response unavailable(StoreException e) {
    // Without a stack trace: while the database stays locked every event ends here.
    log.warn(
        "answered 503 so that Slack retries: {}{}",
        LogText.cap(e.getMessage()),
        e.getCause() == null ? "" : " (" + LogText.cap(e.getCause().getMessage()) + ")");
    return plain(503, "temporarily unable to record; retry");
  }

  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, Collections.list(req.getHeaders(name)));
    }
    return headers;
  }

  /**
   * Collects the body as it arrives, on whichever thread Jetty calls back with data, and answers
   * once it is complete, too large, failed or late — exactly once.
   */
  private final class BodyReader implements ReadListener, AsyncListener {
    private final AsyncContext async;
    private final ServletInputStream in;
    private final String timestamp;
    private final String signature;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[16 * 1024];
    private final AtomicBoolean answered = new AtomicBoolean();
    private long received;

    BodyReader(AsyncContext async, ServletInputStream in, String timestamp, String signature) {
      this.async = async;
      this.in = in;
      this.timestamp = timestamp;
      this.signature = signature;
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (in.isReady()) {
        int n = in.read(chunk);
        if (n < 0) {
          return;
        }
        received += n;
        if (received <= MAX_BODY_BYTES) {
          kept.write(chunk, 0, n);
        } else if (received > DRAIN_LIMIT && claim()) {
          // Read and dropped this far so that a client sees the answer; no further.
          send(tooLarge(), true);
          return;
        }
      }
    }

    @Override
    public void onAllDataRead() {
      if (!claim()) {
        return;
      }
      HttpServletRequest req = (HttpServletRequest) async.getRequest();
      send(
          received > MAX_BODY_BYTES
              ? tooLarge()
              : handle(req, timestamp, signature, kept.toByteArray()),
          false);
    }

    @Override
    public void onError(Throwable failure) {
      // Typically the connector's idle timeout while the client stalled mid-body.
      late();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      late();
    }

    @Override
    public void onError(AsyncEvent event) {
      late();
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void late() {
      if (claim()) {
        send(plain(408, "request body not received in time"), true);
      }
    }

    private boolean claim() {
      return answered.compareAndSet(false, true);
    }

    private void send(Response response, boolean close) {
      HttpServletResponse resp = (HttpServletResponse) async.getResponse();
      try {
        if (!resp.isCommitted()) {
          if (close) {
            resp.setHeader("Connection", "close");
          }
          write(resp, response);
        }
      } catch (IOException | RuntimeException e) {
        log.debug("could not answer a Slack request: {}", e.toString());
      } finally {
        async.complete();
      }
    }
  }

  private static Response tooLarge() {
    return plain(413, "request body larger than 1 MiB");
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

  static void write(HttpServletResponse resp, Response r) throws IOException {
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
