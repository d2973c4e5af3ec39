package org.secondshift.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.secondshift.config.CannotStartException;

/**
 * {@code GET /metrics} on a port of its own, apart from the one Slack reaches, so the figures are
 * never published on the public URL by accident. Nothing else is served there.
 */
public final class MetricsServer implements AutoCloseable {
  /** Prometheus' text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Server server;
  private final ServerConnector connector;

  public MetricsServer(int port, BotMetrics metrics) {
    QueuedThreadPool threads = new QueuedThreadPool(4, 1);
    threads.setName("metrics");
    server = new Server(threads);
    connector = new ServerConnector(server, 0, 1);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(
        new ServletHolder(
            "metrics",
            new HttpServlet() {
              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp)
                  throws IOException {
                byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                resp.setStatus(200);
                resp.setContentType(CONTENT_TYPE);
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
              }
            }),
        "/metrics");
    server.setHandler(context);
  }

  /** Binds the port and serves; a busy port is one clear sentence. */
  public MetricsServer start() throws Exception {
    try {
      connector.open();
    } catch (IOException e) {
      throw new CannotStartException(
          "cannot serve metrics on port "
              + connector.getPort()
              + " ("
              + e.getMessage()
              + "). Set SECOND_SHIFT_METRICS_PORT to a free port.");
    }
    server.start();
    return this;
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
