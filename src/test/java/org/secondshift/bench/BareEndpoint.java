package org.secondshift.bench;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.secondshift.config.EnvironmentSettings;
import org.secondshift.slack.HttpServer;
import org.secondshift.slack.RequestGuard;

/**
 * The floor the bot is measured against: Jetty with nothing behind it but reading the body and
 * checking Slack's signature with the bot's own {@link RequestGuard}. It runs as a process of its
 * own, with the bot's thread pool, idle timeout and HTTP settings, so the two differ only in what
 * runs inside a request.
 *
 * <p>Settings come from the environment, named as the bot's: {@code PORT} and {@code
 * SLACK_SIGNING_SECRET}. {@code GET /healthz} answers 200 once it listens; any other request is
 * checked as an Events API post and answered with an empty 200, or with the guard's status.
 */
public final class BareEndpoint {
  private BareEndpoint() {}

  public static void main(String[] args) throws Exception {
    String secret = System.getenv(EnvironmentSettings.SIGNING_SECRET);
    String port = System.getenv(EnvironmentSettings.PORT);
    if (secret == null || secret.isBlank() || port == null) {
      System.err.println(
          "BareEndpoint needs "
              + EnvironmentSettings.PORT
              + " and "
              + EnvironmentSettings.SIGNING_SECRET
              + " in its environment.");
      System.exit(2);
      return;
    }
    start(Integer.parseInt(port), new RequestGuard(secret, Clock.systemUTC()));
    System.out.println("BareEndpoint listening on port " + port);
    new CountDownLatch(1).await();
  }

  static Server start(int port, RequestGuard guard) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(HttpServer.MAX_THREADS, HttpServer.MIN_THREADS);
    threads.setName("http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setIdleTimeout(HttpServer.IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    server.setHandler(new SignatureCheck(guard));
    // Jetty's own shutdown hook stops it when the benchmark ends this process.
    server.setStopAtShutdown(true);
    server.start();
    return server;
  }

  /** Reads the whole body, asks the guard, and answers with no content. */
  private static final class SignatureCheck extends Handler.Abstract {
    private final RequestGuard guard;

    SignatureCheck(RequestGuard guard) {
      this.guard = guard;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      int status;
      if ("/healthz".equals(Request.getPathInContext(request))) {
        status = 200;
      } else {
        ByteBuffer content = Content.Source.asByteBuffer(request);
        byte[] body = new byte[content.remaining()];
        content.get(body);
        Optional<RequestGuard.Rejection> rejection =
            guard.check(
                request.getHeaders().get("X-Slack-Request-Timestamp"),
                request.getHeaders().get("X-Slack-Signature"),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                body);
        status = rejection.map(RequestGuard.Rejection::status).orElse(200);
      }
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      response.write(true, null, callback);
      return true;
    }
  }
}
