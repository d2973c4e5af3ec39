package org.secondshift;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import jakarta.servlet.http.HttpServlet;
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
import org.secondshift.store.SummaryStore;
import org.secondshift.store.PersonalData;
import org.secondshift.slack.blocks.ForgetMeView;
import org.secondshift.slack.command.ExportCommand;
import org.secondshift.slack.command.ForgetMeCommand;
import org.secondshift.slack.listeners.ForgetMeListener;
import org.secondshift.slack.SummaryPoster;
import org.secondshift.slack.command.ShareCommand;
import org.secondshift.slack.command.SummaryCommand;
import org.secondshift.schedule.SummaryTriggers;
import org.secondshift.schedule.WeeklySummaryJob;
import org.secondshift.summary.ChannelTallies;
import org.secondshift.summary.ChannelZone;
import org.secondshift.summary.SummaryBuilder;
import org.secondshift.store.OutboxStore;
import org.secondshift.slack.outbox.OutboxRunner;
import org.secondshift.slack.outbox.OutboxSender;
import org.secondshift.slack.outbox.SendLimits;
import org.secondshift.schedule.Schedules;
import com.slack.api.methods.MethodsClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.secondshift.captain.HandoffListener;
import org.secondshift.captain.HourLogRest;
import org.secondshift.captain.Planner;
import org.secondshift.captain.Rotations;
import org.secondshift.schedule.HandoffJob;
import org.secondshift.schedule.HandoffTriggers;
import org.secondshift.slack.blocks.CaptainView;
import org.secondshift.slack.blocks.CaptainMessages;
import org.secondshift.slack.command.CaptainCommand;
import org.secondshift.slack.command.NoteCommand;
import org.secondshift.slack.listeners.RotationReplaceListener;
import org.secondshift.store.RotationStore;

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
  private final Rotations rotations;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private Bot(Database db, ExecutorService background, HttpServer http, SocketModeApp socket,
      OutboxRunner outbox, Schedules schedules, Rotations rotations) {
    this.rotations = rotations;
    this.db = db;
    this.background = background;
    this.http = http;
    this.socket = socket;
    this.outbox = outbox;
    this.schedules = schedules;
  }

  /** Builds everything for HTTP or Socket Mode and starts serving. */
  public static Bot start(Settings settings, Clock clock) throws Exception {
    return start(settings, clock, Map.of());
  }

  /** As {@link #start(Settings, Clock)}, with extra servlets (path spec to servlet) on the same port. */
  public static Bot start(Settings settings, Clock clock, Map<String, HttpServlet> extraServlets)
      throws Exception {
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
      SummaryStore summaries = new SummaryStore(db);
      PersonalData personalData = new PersonalData(db);
      HourLog hourLog = new HourLog(rules, new QuietWindow(settings.lateNightFrom(), settings.lateNightTo()));
      SummaryPoster poster = new SummaryPoster(
          new SummaryBuilder(summaries, ChannelTallies.none(), hourLog), summaries, outboxStore, outbox::wake, clock);
      AtomicReference<Rotations> captains = new AtomicReference<>();
      Schedules schedules = new Schedules(Map.of(
          WeeklySummaryJob.class, () -> new WeeklySummaryJob(poster),
          HandoffJob.class, () -> new HandoffJob(captains.get(), clock)));
      SummaryTriggers summaryTriggers = new SummaryTriggers(schedules);
      HandoffTriggers triggers = new HandoffTriggers(schedules);
      RotationStore rotationStore = new RotationStore(db, outboxStore, new CaptainMessages());
      Rotations rotations = new Rotations(rotationStore, new Planner(new HourLogRest(sessions, rules)),
          HandoffListener.none(), triggers);
      captains.set(rotations);
      SlackZoneDirectory zones = new SlackZoneDirectory(
          methods, new PersonStore(db), background, clock);
      ActivityRecorder recorder = new ActivityRecorder(sessions, zones::prefetch);
      HourReports reports = new HourReports(sessions, zones, hourLog, clock);
      ShiftCommands commands = new ShiftCommands(List.of(
          new HoursCommand(reports, summaries::isSharing), new StatusCommand(reports),
          new StartCommand(reports), new StopCommand(reports),
          new CaptainCommand(rotations, zones, clock), new NoteCommand(rotations, clock),
          new SummaryCommand(summaries, summaryTriggers, poster, zones, ChannelZone.none(), clock),
          new ShareCommand(summaries),
          new ExportCommand(personalData, outboxStore, zones, rules, outbox::wake, clock),
          new ForgetMeCommand()));
      App app = SlackApp.app(settings, slack, recorder, zones, commands, Map.of(
          ForgetMeView.CONFIRM_ACTION, new ForgetMeListener(personalData, outboxStore, outbox::wake, clock),
          CaptainView.REPLACE_ACTION, new RotationReplaceListener(rotations, zones, clock),
          CaptainView.KEEP_ACTION, (req, ctx) -> ctx.ack()));

      SlackEventsServlet events = settings.mode() == Mode.HTTP
          ? new SlackEventsServlet(app, new RequestGuard(settings.signingSecret(), clock))
          : null;
      HttpServer http = new HttpServer(settings.port(), events, new HealthServlet(db::isUp),
          extraServlets);
      http.start();
      SocketModeApp socket = null;
      if (settings.mode() == Mode.SOCKET) {
        socket = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket,
            SOCKET_LISTENERS);
        socket.startAsync();
      }
      // Handoffs missed while the bot was down are performed now, once, before anything else fires.
      rotations.performDue(clock.instant());
      triggers.rebuild(rotationStore.all());
      schedules.every("captain-sweep", HandoffJob.class, HandoffTriggers.SWEEP);
      outbox.start();
      summaryTriggers.rebuild(summaries.plans());
      schedules.start();
      poster.catchUp();
      return new Bot(db, background, http, socket, outbox, schedules, rotations);
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

  /** The Quartz schedules, so that callers (and tests) can read when triggers fire. */
  public Schedules schedules() {
    return schedules;
  }

  /** The captain rotations: who holds the watch, and handoffs performed on demand. */
  public Rotations rotations() {
    return rotations;
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
