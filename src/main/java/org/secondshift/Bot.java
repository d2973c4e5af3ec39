package org.secondshift;

import com.slack.api.Slack;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.secondshift.captain.Rotations;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.rest.Nudges;
import org.secondshift.rest.RecoveryNudges;
import org.secondshift.rest.RestPreferences;
import org.secondshift.schedule.Schedules;
import org.secondshift.slack.HealthServlet;
import org.secondshift.slack.HttpServer;
import org.secondshift.slack.RequestGuard;
import org.secondshift.slack.SlackApp;
import org.secondshift.slack.SlackEventsServlet;
import org.secondshift.slack.outbox.OutboxRunner;
import org.secondshift.store.Database;
import org.secondshift.store.SummaryStore;

/**
 * The running bot: the features for one set of settings behind HTTP or Socket Mode, started and
 * stopped as a whole.
 */
public final class Bot implements AutoCloseable {
  /** Socket Mode listeners run on this many threads, never on the socket's own. */
  static final int SOCKET_LISTENERS = 8;

  private final Database db;
  private final ExecutorService background;
  private final ExecutorService modals;
  private final HttpServer http;
  private final SocketModeApp socket;
  private final Features features;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Bot(
      Database db,
      ExecutorService background,
      ExecutorService modals,
      HttpServer http,
      SocketModeApp socket,
      Features features) {
    this.db = db;
    this.background = background;
    this.modals = modals;
    this.http = http;
    this.socket = socket;
    this.features = features;
  }

  /** Builds everything for HTTP or Socket Mode and starts serving. */
  public static Bot start(Settings settings, Clock clock) throws Exception {
    return start(settings, clock, Map.of());
  }

  /**
   * As {@link #start(Settings, Clock)}, with extra servlets (path spec to servlet) on the same
   * port.
   */
  public static Bot start(Settings settings, Clock clock, Map<String, HttpServlet> extraServlets)
      throws Exception {
    return start(settings, clock, extraServlets, bot -> {});
  }

  /**
   * As {@link #start(Settings, Clock, Map)}, running {@code prepare} once the features are built
   * and serving, but before catch-up, schedules and the outbox start; what it stores is then caught
   * up and scheduled exactly like state found after a restart (the sandbox seeds its story this
   * way).
   */
  public static Bot start(
      Settings settings, Clock clock, Map<String, HttpServlet> extraServlets, Consumer<Bot> prepare)
      throws Exception {
    if (settings.mode() == Mode.SANDBOX) {
      throw new IllegalArgumentException(
          "the sandbox is started by Main, not as a Slack-connected bot");
    }
    Database db = Database.open(settings.database());
    ExecutorService background = Executors.newFixedThreadPool(2, daemon("background"));
    // Opening a modal must beat its trigger's three seconds, so it never queues behind other work.
    ExecutorService modals = Executors.newFixedThreadPool(2, daemon("modals"));
    Features features = null;
    HttpServer http = null;
    SocketModeApp socket = null;
    try {
      Slack slack = SlackApp.client(settings);
      features = new Features(settings, clock, db, background, modals, slack);
      SlackEventsServlet events =
          settings.mode() == Mode.HTTP
              ? new SlackEventsServlet(
                  features.app, new RequestGuard(settings.signingSecret(), clock))
              : null;
      http = new HttpServer(settings.port(), events, new HealthServlet(db::isUp), extraServlets);
      http.start();
      if (settings.mode() == Mode.SOCKET) {
        socket =
            new SocketModeApp(
                settings.appToken(),
                features.app,
                SocketModeClient.Backend.JavaWebSocket,
                SOCKET_LISTENERS);
        socket.startAsync();
      }
      Bot bot = new Bot(db, background, modals, http, socket, features);
      prepare.accept(bot);
      features.startBackgroundWork(clock);
      return bot;
    } catch (Exception e) {
      // Whatever had started stops again, so a failed start leaves no thread keeping us alive.
      stopQuietly(e, socket, http, features);
      background.shutdownNow();
      modals.shutdownNow();
      db.close();
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

  /** The HTTP port actually bound (useful with port 0). */
  public int port() {
    return http.port();
  }

  /** The outbox's runner, so that callers (and tests) can ask it to send now. */
  public OutboxRunner outbox() {
    return features.outbox;
  }

  /** The Quartz schedules, so that callers (and tests) can read when triggers fire. */
  public Schedules schedules() {
    return features.schedules;
  }

  /** The captain rotations: who holds the watch, and handoffs performed on demand. */
  public Rotations rotations() {
    return features.rotations;
  }

  /** Rest nudges, so that callers (and tests) can check someone at a given instant. */
  public Nudges nudges() {
    return features.nudges;
  }

  /** Each person's rest choices: quiet hours, daily limit, vacation. */
  public RestPreferences restPreferences() {
    return features.restStore;
  }

  /** Weekly summary plans, and who shares their hours. */
  public SummaryStore summaries() {
    return features.summaries;
  }

  /** Recovery nudges after each ended watch, looked for on handoff, periodically and at start. */
  public RecoveryNudges recoveries() {
    return features.handoffs;
  }

  /** Stops everything; closing twice is harmless. */
  @Override
  public void close() throws Exception {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (socket != null) {
      socket.close();
    }
    http.close();
    features.schedules.close();
    features.outbox.close();
    background.shutdown();
    modals.shutdown();
    background.awaitTermination(5, TimeUnit.SECONDS);
    modals.awaitTermination(5, TimeUnit.SECONDS);
    db.close();
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
