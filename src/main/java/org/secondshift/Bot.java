package org.secondshift;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.config.Mode;
import org.secondshift.config.Settings;
import org.secondshift.hours.HourLog;
import org.secondshift.hours.HourReports;
import org.secondshift.hours.QuietWindow;
import org.secondshift.hours.SessionRules;
import org.secondshift.slack.HealthServlet;
import org.secondshift.slack.HttpServer;
import org.secondshift.slack.RequestGuard;
import org.secondshift.slack.SlackApp;
import org.secondshift.slack.SlackEventsServlet;
import org.secondshift.slack.SlackZoneDirectory;
import org.secondshift.slack.command.HoursCommand;
import org.secondshift.slack.command.ShiftCommands;
import org.secondshift.slack.command.StartCommand;
import org.secondshift.slack.command.StatusCommand;
import org.secondshift.slack.command.StopCommand;
import org.secondshift.store.Database;
import org.secondshift.store.PersonStore;
import org.secondshift.store.SessionStore;
import org.secondshift.store.OutboxStore;
import org.secondshift.slack.outbox.OutboxRunner;
import org.secondshift.slack.outbox.OutboxSender;
import org.secondshift.slack.outbox.SendLimits;
import org.secondshift.schedule.Schedules;
import com.slack.api.methods.MethodsClient;
import java.util.Map;
import org.secondshift.captain.HandoffListener;
import org.secondshift.captain.Watch;
import org.secondshift.rest.NudgeAnswers;
import org.secondshift.rest.Nudges;
import org.secondshift.rest.RecoveryNudges;
import org.secondshift.rest.RestPolicy;
import org.secondshift.rest.RestSetup;
import org.secondshift.schedule.RestCheckJob;
import org.secondshift.slack.SlackDnd;
import org.secondshift.slack.blocks.NudgeView;
import org.secondshift.slack.command.RestCommand;
import org.secondshift.slack.listeners.NudgeButtonListener;
import org.secondshift.store.NudgeStore;
import org.secondshift.store.RestStore;

/** The running bot: the object graph for one set of settings, started and stopped as a whole. */
public final class Bot implements AutoCloseable {
  /** Socket Mode listeners run on this many threads, never on the socket's own. */
  static final int SOCKET_LISTENERS = 8;

  private final Database db;
  private final ExecutorService background;
  private final HttpServer http;
  private final SocketModeApp socket;
  private final OutboxRunner outbox;
  private final Schedules schedules;
  private final Nudges nudges;
  private final HandoffListener handoffs;

  private Bot(Database db, ExecutorService background, HttpServer http, SocketModeApp socket,
      OutboxRunner outbox, Schedules schedules, Nudges nudges, HandoffListener handoffs) {
    this.db = db;
    this.background = background;
    this.http = http;
    this.socket = socket;
    this.outbox = outbox;
    this.schedules = schedules;
    this.nudges = nudges;
    this.handoffs = handoffs;
  }

  /** Builds everything for HTTP or Socket Mode and starts serving. */
  public static Bot start(Settings settings, Clock clock) throws Exception {
    if (settings.mode() == Mode.SANDBOX) {
      throw new IllegalArgumentException("the sandbox is started by Main, not as a Slack-connected bot");
    }
    Database db = Database.open(settings.database());
    ExecutorService background = Executors.newFixedThreadPool(2, daemon("background"));
    try {
      SessionRules rules = new SessionRules(settings.sessionGap(), settings.sessionTail());
      SessionStore sessions = new SessionStore(db, rules);
      Slack slack = SlackApp.client(settings);
      MethodsClient methods = slack.methods(settings.botToken());
      OutboxStore outboxStore = new OutboxStore(db);
      OutboxRunner outbox = new OutboxRunner(
          new OutboxSender(outboxStore, methods, SendLimits.slackDefaults(), clock), clock);
      SlackZoneDirectory zones = new SlackZoneDirectory(
          methods, new PersonStore(db), background, clock);
      RestStore restStore = new RestStore(db);
      NudgeStore nudgeStore = new NudgeStore(db, outboxStore, restStore, new NudgeView());
      // Until the captain rotation answers here, nobody holds a watch.
      Watch watch = Watch.none();
      Nudges nudges = new Nudges(new RestPolicy(settings.rest(), rules), restStore, nudgeStore,
          sessions, restStore, zones, new SlackDnd(methods, clock), watch, background, outbox::wake,
          clock);
      // The captain rotation tells this about each handoff; the outgoing captain gets a recovery nudge.
      HandoffListener handoffs = new RecoveryNudges(nudges);
      Schedules schedules = new Schedules(Map.of(
          RestCheckJob.class, () -> new RestCheckJob(nudges, clock)));
      ActivityRecorder recorder = new ActivityRecorder(sessions, (team, user) -> {
        zones.prefetch(team, user);
        nudges.afterActivity(team, user);
      });
      HourReports reports = new HourReports(sessions, zones,
          new HourLog(rules, new QuietWindow(settings.lateNightFrom(), settings.lateNightTo())), clock);
      ShiftCommands commands = new ShiftCommands(List.of(
          new HoursCommand(reports), new StatusCommand(reports),
          new StartCommand(reports), new StopCommand(reports),
          new RestCommand(new RestSetup(restStore, settings.rest(), zones, clock))));
      App app = SlackApp.app(settings, slack, recorder, zones, commands);
      app.blockAction(NudgeButtonListener.ACTIONS,
          new NudgeButtonListener(new NudgeAnswers(nudgeStore, outbox::wake, clock)));

      SlackEventsServlet events = settings.mode() == Mode.HTTP
          ? new SlackEventsServlet(app, new RequestGuard(settings.signingSecret(), clock))
          : null;
      HttpServer http = new HttpServer(settings.port(), events, new HealthServlet(db::isUp));
      http.start();
      SocketModeApp socket = null;
      if (settings.mode() == Mode.SOCKET) {
        socket = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket,
            SOCKET_LISTENERS);
        socket.startAsync();
      }
      outbox.start();
      schedules.every("rest-check", RestCheckJob.class, settings.rest().checkEvery());
      schedules.start();
      return new Bot(db, background, http, socket, outbox, schedules, nudges, handoffs);
    } catch (Exception e) {
      background.shutdownNow();
      db.close();
      throw e;
    }
  }

  /** The HTTP port actually bound (useful with port 0). */
  public int port() {
    return http.port();
  }

  /** The outbox's runner, so that callers (and tests) can ask it to send now. */
  public OutboxRunner outbox() {
    return outbox;
  }

  /** Rest nudges, so that callers (and tests) can check someone at a given instant. */
  public Nudges nudges() {
    return nudges;
  }

  /** What the captain rotation tells about each handoff. */
  public HandoffListener handoffs() {
    return handoffs;
  }

  @Override
  public void close() throws Exception {
    if (socket != null) {
      socket.close();
    }
    http.close();
    schedules.close();
    outbox.close();
    background.shutdown();
    background.awaitTermination(5, TimeUnit.SECONDS);
    db.close();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
