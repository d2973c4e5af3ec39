package org.secondshift;

import com.slack.api.Slack;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.secondshift.captain.Rotations;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.ops.BotMetrics;
import org.secondshift.ops.MetricsServer;
import org.secondshift.rest.Nudges;
import org.secondshift.rest.RecoveryNudges;
import org.secondshift.rest.RestPreferences;
import org.secondshift.schedule.Schedules;
import org.secondshift.slack.HealthServlet;
import org.secondshift.slack.HttpServer;
import org.secondshift.slack.InstallServlet;
import org.secondshift.slack.RequestGuard;
import org.secondshift.slack.SlackApp;
import org.secondshift.slack.SlackEventsServlet;
import org.secondshift.slack.install.InstallFlow;
import org.secondshift.slack.outbox.OutboxRunner;
import org.secondshift.store.Database;
import org.secondshift.store.SummaryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: the features for one set of settings behind HTTP or Socket Mode, started and
 * stopped as a whole.
 */
public final class Bot implements AutoCloseable {
  /** Socket Mode listeners run on this many threads, never on the socket's own. */
  static final int SOCKET_LISTENERS = 8;

  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  private final Duration grace;
  private final Database db;
  private final ExecutorService background;
  private final ExecutorService modals;
  private final HttpServer http;
  private final SocketModeApp socket;
  private final Features features;
  private final BotMetrics metrics;
  private final MetricsServer metricsServer;
  private final AtomicBoolean begun = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private Bot(
      Duration grace,
      Database db,
      ExecutorService background,
      ExecutorService modals,
      HttpServer http,
      SocketModeApp socket,
      Features features,
      BotMetrics metrics,
      MetricsServer metricsServer) {
    this.grace = grace;
    this.metrics = metrics;
    this.metricsServer = metricsServer;
    this.db = db;
    this.background = background;
    this.modals = modals;
    this.http = http;
    this.socket = socket;
    this.features = features;
  }

  /** The parts of a running bot that the sandbox's seed and the tests drive directly. */
  public record Parts(
      OutboxRunner outbox,
      Schedules schedules,
      Rotations rotations,
      Nudges nudges,
      RecoveryNudges recoveries,
      RestPreferences restPreferences,
      SummaryStore summaries) {}

  /** Builds everything for HTTP or Socket Mode, serves, and starts the background work. */
  public static Bot start(Settings settings, Clock clock) throws Exception {
    return serve(settings, clock, Map.of()).begin(clock);
  }

  /**
   * Builds everything and serves requests (with {@code extraServlets}, path spec to servlet, on the
   * same port), but starts no background work: until {@link #begin}, nothing is caught up, no
   * trigger fires and the outbox sends nothing. What is stored meanwhile is then caught up and
   * scheduled exactly like state found after a restart.
   */
  public static Bot serve(Settings settings, Clock clock, Map<String, HttpServlet> extraServlets)
      throws Exception {
    if (settings.mode() == Mode.SANDBOX) {
      throw new IllegalArgumentException(
          "the sandbox is started by Main, not as a Slack-connected bot");
    }
    Database db = Database.open(settings.database());
    ScheduledThreadPoolExecutor background =
        new ScheduledThreadPoolExecutor(2, daemon("background"));
    // Checks planned for a moment later are moot once the bot stops.
    background.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    // Opening a modal must beat its trigger's three seconds, so it never queues behind other work.
    ExecutorService modals = Executors.newFixedThreadPool(2, daemon("modals"));
    BotMetrics metrics = new BotMetrics();
    MetricsServer metricsServer = null;
    Features features = null;
    HttpServer http = null;
    SocketModeApp socket = null;
    try {
      Slack slack = SlackApp.client(settings, metrics.slackCalls());
      db.observeWrites(metrics::writeBatch);
      features = new Features(settings, clock, db, background, modals, slack, metrics);
      SlackEventsServlet events =
          settings.mode() == Mode.HTTP
              ? new SlackEventsServlet(
                  features.app,
                  new RequestGuard(settings.signingSecret(), clock),
                  features.fastPath)
              : null;
      Map<String, HttpServlet> servlets = new LinkedHashMap<>(extraServlets);
      if (settings.distributed()) {
        servlets.put(InstallFlow.INSTALL_PATH, new InstallServlet(features.app));
        servlets.put(InstallFlow.REDIRECT_PATH, new InstallServlet(features.app));
      }
      http = new HttpServer(settings.port(), events, new HealthServlet(db::isUp), servlets);
      http.measureWith(metrics.registry());
      http.start();
      if (settings.operations().servesMetrics()) {
        metricsServer = new MetricsServer(settings.operations().metricsPort(), metrics).start();
      }
      if (settings.mode() == Mode.SOCKET) {
        socket =
            new SocketModeApp(
                settings.appToken(),
                features.app,
                SocketModeClient.Backend.JavaWebSocket,
                SOCKET_LISTENERS);
        socket.startAsync();
      }
      return new Bot(
          settings.operations().shutdownGrace(),
          db,
          background,
          modals,
          http,
          socket,
          features,
          metrics,
          metricsServer);
    } catch (Exception e) {
      // Whatever had started stops again, so a failed start leaves no thread keeping us alive.
      stopQuietly(e, socket, http, features);
      if (metricsServer != null) {
        metricsServer.close();
      }
      metrics.close();
      background.shutdownNow();
      modals.shutdownNow();
      db.close();
      throw e;
    }
  }

  /**
   * Catches up what came due, starts the schedules and the outbox; once. A failure stops the bot.
   */
  public Bot begin(Clock clock) throws Exception {
    if (!begun.compareAndSet(false, true)) {
      return this;
    }
    try {
      features.startBackgroundWork(clock);
      return this;
    } catch (RuntimeException e) {
      try {
        close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static void stopQuietly(
      Exception failure, SocketModeApp socket, HttpServer http, Features features) {
    try {
      if (socket != null) {
        socket.close();
      }
      if (http != null) {
        http.close();
      }
      if (features != null) {
        features.schedules.close();
        features.outbox.close();
      }
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  /** The port serving {@code /metrics}, when one does. */
  public OptionalInt metricsPort() {
    return metricsServer == null ? OptionalInt.empty() : OptionalInt.of(metricsServer.port());
  }

  /** The HTTP port actually bound (useful with port 0). */
  public int port() {
    return http.port();
  }

  /** The parts the sandbox's seed and the tests drive directly. */
  public Parts parts() {
    return new Parts(
        features.outbox,
        features.schedules,
        features.rotations,
        features.nudges,
        features.handoffs,
        features.restStore,
        features.summaries);
  }

  /**
   * Stops everything, in the order that loses nothing: new requests are answered {@code 503} while
   * those in flight finish (each is stored before it is acknowledged), no new event comes over the
   * socket, running jobs finish, the outbox finishes the message it is sending, and the database
   * writer commits what it holds before the database closes. Each wait is bounded by what is left
   * of the grace period. Closing twice is harmless.
   */
  @Override
  public void close() throws Exception {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long start = System.nanoTime();
    long end = start + grace.toNanos();
    log.info("stopping: new requests get 503, those in flight finish (at most {})", grace);
    if (socket != null) {
      socket.close();
    }
    if (!http.drain(left(end))) {
      log.warn("{} requests were still in flight when the grace period ended", http.inFlight());
    }
    features.schedules.close();
    features.outbox.close();
    background.shutdown();
    modals.shutdown();
    background.awaitTermination(left(end).toMillis(), TimeUnit.MILLISECONDS);
    modals.awaitTermination(left(end).toMillis(), TimeUnit.MILLISECONDS);
    http.close();
    if (metricsServer != null) {
      metricsServer.close();
    }
    metrics.close();
    db.close();
    log.info("stopped in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
  }

  /** The longest a stop may take before the process gives up waiting on it. */
  public Duration grace() {
    return grace;
  }

  private static Duration left(long endNanos) {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
