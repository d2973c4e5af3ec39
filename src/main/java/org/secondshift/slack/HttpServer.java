package org.secondshift.slack;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.secondshift.config.CannotStartException;

/**
 * Embedded Jetty serving Slack's requests (HTTP mode only), the health check, and any extra
 * servlets.
 *
 * <p>A connection that sends nothing for {@link #IDLE_TIMEOUT} is closed, whether it is idle
 * between requests or stalled in the middle of one; bodies are read without holding a thread (see
 * {@link SlackEventsServlet}), so threads are only busy with requests that are complete.
 *
 * <p>A stop begins with {@link #drain}: from then on every new request is answered {@code 503}
 * (Slack retries the event later, a load balancer sends it to another instance), while the ones
 * already being handled finish. The port stays bound until {@link #close}.
 */
public final class HttpServer implements AutoCloseable {
  /** How long a connection may stay silent, between requests or within one. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

  /** Threads for requests being handled; waiting for a body needs none. */
  public static final int MAX_THREADS = 200;

  /** Threads the pool keeps even when idle. */
  public static final int MIN_THREADS = 8;

  private final Server server;
  private final ServerConnector connector;
  private final GracefulHandler graceful;
  private final int port;

  /** Also mounts {@code extra} (path spec to servlet), e.g. the sandbox's workspace page. */
  public HttpServer(
      int port, HttpServlet events, HttpServlet health, Map<String, HttpServlet> extra) {
    this.port = port;
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    threads.setName("http");
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    if (events != null) {
      context.addServlet(new ServletHolder("slack-events", events), "/slack/events");
    }
    context.addServlet(new ServletHolder("health", health), "/healthz");
    extra.forEach((path, servlet) -> context.addServlet(new ServletHolder(path, servlet), path));
    this.graceful = new GracefulHandler(context);
    server.setHandler(graceful);
    server.setStopTimeout(5_000);
  }

  /**
   * Binds the port, then starts serving.
   *
   * @throws CannotStartException when the port cannot be bound, e.g. because it is in use
   */
  public void start() throws Exception {
    // Bound before Jetty starts, so a busy port fails here with nothing started yet.
    try {
      connector.open();
    } catch (IOException e) {
      throw cannotBind(e);
    }
    server.start();
  }

  private CannotStartException cannotBind(IOException e) {
    BindException bind = e instanceof BindException b ? b : null;
    if (bind == null && e.getCause() instanceof BindException b) {
      bind = b;
    }
    String reason = bind == null ? e.getMessage() : bind.getMessage();
    if (reason != null && reason.toLowerCase().contains("in use")) {
      return new CannotStartException(
          "port " + port + " is in use — is another Second Shift running? Set PORT.");
    }
    return new CannotStartException(
        "cannot listen on port " + port + " (" + reason + "). Set PORT to another port.");
  }

  /** The bound port, useful when started on port 0. */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Answers every new request {@code 503} from now on and waits, at most {@code bound}, until the
   * requests in flight are done. Returns whether they all finished in time.
   */
  public boolean drain(Duration bound) throws InterruptedException {
    try {
      graceful.shutdown().get(Math.max(0, bound.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  /**
   * Reports the request threads and the connections (opened, bytes, durations) to {@code registry}.
   */
  public void measureWith(MeterRegistry registry) {
    new JettyServerThreadPoolMetrics(server.getThreadPool(), List.of()).bindTo(registry);
    JettyConnectionMetrics.addToAllConnectors(server, registry);
  }

  /** Requests being handled right now. */
  public long inFlight() {
    return graceful.getCurrentRequestCount();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
