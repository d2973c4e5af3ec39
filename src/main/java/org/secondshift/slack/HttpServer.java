package org.secondshift.slack;

import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty serving Slack's requests (HTTP mode only), the health check, and any extra
 * servlets.
 */
public final class HttpServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  /** Also mounts {@code extra} (path spec to servlet), e.g. the sandbox's workspace page. */
  public HttpServer(
      int port, HttpServlet events, HttpServlet health, Map<String, HttpServlet> extra) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 8);
    threads.setName("http");
    this.server = new Server(threads);
    this.connector = new ServerConnector(server);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    if (events != null) {
      context.addServlet(new ServletHolder("slack-events", events), "/slack/events");
    }
    context.addServlet(new ServletHolder("health", health), "/healthz");
    extra.forEach((path, servlet) -> context.addServlet(new ServletHolder(path, servlet), path));
    server.setHandler(context);
    server.setStopTimeout(5_000);
  }

  public void start() throws Exception {
    server.start();
  }

  /** The bound port, useful when started on port 0. */
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
