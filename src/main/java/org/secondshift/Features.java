package org.secondshift;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.captain.HourLogRest;
import org.secondshift.captain.Planner;
import org.secondshift.captain.Rotations;
import org.secondshift.captain.SetupQuestions;
import org.secondshift.captain.Watch;
import org.secondshift.config.Settings;
import org.secondshift.hours.HourLog;
import org.secondshift.hours.HourReports;
import org.secondshift.hours.QuietWindow;
import org.secondshift.hours.SessionRules;
import org.secondshift.install.Installation;
import org.secondshift.install.TokenCipher;
import org.secondshift.ops.BotMetrics;
import org.secondshift.rest.NudgeAnswers;
import org.secondshift.rest.Nudges;
import org.secondshift.rest.PreferenceSignals;
import org.secondshift.rest.RecoveryNudges;
import org.secondshift.rest.RestPolicy;
import org.secondshift.rest.RestSetup;
import org.secondshift.schedule.HandoffJob;
import org.secondshift.schedule.HandoffTriggers;
import org.secondshift.schedule.RestCheckJob;
import org.secondshift.schedule.RetentionJob;
import org.secondshift.schedule.Schedules;
import org.secondshift.schedule.SummaryTriggers;
import org.secondshift.schedule.WeeklySummaryJob;
import org.secondshift.slack.AckBudget;
import org.secondshift.slack.BotUsers;
import org.secondshift.slack.ChannelAccess;
import org.secondshift.slack.LearnedBotUser;
import org.secondshift.slack.MessageFastPath;
import org.secondshift.slack.MessagesTab;
import org.secondshift.slack.PeopleOfThisWorkspace;
import org.secondshift.slack.PlausibleTimestamps;
import org.secondshift.slack.RequestMetrics;
import org.secondshift.slack.SlackApp;
import org.secondshift.slack.SlackDnd;
import org.secondshift.slack.SlackZoneDirectory;
import org.secondshift.slack.SummaryPoster;
import org.secondshift.slack.TeamClients;
import org.secondshift.slack.blocks.CaptainView;
import org.secondshift.slack.blocks.ForgetMeView;
import org.secondshift.slack.command.CaptainCommand;
import org.secondshift.slack.command.ExportCommand;
import org.secondshift.slack.command.ForgetMeCommand;
import org.secondshift.slack.command.HoursCommand;
import org.secondshift.slack.command.NoteCommand;
import org.secondshift.slack.command.RestCommand;
import org.secondshift.slack.command.ShareCommand;
import org.secondshift.slack.command.ShiftCommands;
import org.secondshift.slack.command.StartCommand;
import org.secondshift.slack.command.StatusCommand;
import org.secondshift.slack.command.StopCommand;
import org.secondshift.slack.command.SummaryCommand;
import org.secondshift.slack.home.HomeLines;
import org.secondshift.slack.home.HomePublisher;
import org.secondshift.slack.home.HomeView;
import org.secondshift.slack.home.PersonalSettings;
import org.secondshift.slack.home.SettingsModal;
import org.secondshift.slack.home.StoredSettings;
import org.secondshift.slack.install.BoltInstallations;
import org.secondshift.slack.install.Installations;
import org.secondshift.slack.install.StoredOAuthStates;
import org.secondshift.slack.install.Uninstalls;
import org.secondshift.slack.listeners.EphemeralAnswers;
import org.secondshift.slack.listeners.ForgetMeListener;
import org.secondshift.slack.listeners.NudgeButtonListener;
import org.secondshift.slack.listeners.OpenSettingsListener;
import org.secondshift.slack.listeners.RotationKeepListener;
import org.secondshift.slack.listeners.RotationReplaceListener;
import org.secondshift.slack.listeners.SettingsSubmittedListener;
import org.secondshift.slack.outbox.OutboxRunner;
import org.secondshift.slack.outbox.OutboxSender;
import org.secondshift.slack.outbox.SendLimits;
import org.secondshift.slack.outbox.TellTheSetter;
import org.secondshift.store.Database;
import org.secondshift.store.InstallationStore;
import org.secondshift.store.NudgeStore;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxStore;
import org.secondshift.store.PendingSetupStore;
import org.secondshift.store.PersonStore;
import org.secondshift.store.PersonalData;
import org.secondshift.store.PointerStore;
import org.secondshift.store.PostFailures;
import org.secondshift.store.RestStore;
import org.secondshift.store.RetentionStore;
import org.secondshift.store.RotationStore;
import org.secondshift.store.SessionStore;
import org.secondshift.store.SummaryStore;
import org.secondshift.store.TeamData;
import org.secondshift.store.TeamFigures;

/**
 * The product's object graph for one set of settings: the hour log, rest nudges, the captain
 * rotation, weekly summaries, Home and data rights, and the Bolt app that serves them. Building it
 * starts nothing; {@link #startBackgroundWork()} does.
 */
final class Features {
  /**
   * How long {@code /shift} waits for {@code conversations.info}: well inside the 3 s Slack gives a
   * slash command, with room for the rest of the answer.
   */
  static final Duration CHANNEL_CHECK_TIMEOUT = Duration.ofMillis(1500);

  final OutboxRunner outbox;
  final Schedules schedules;
  final Rotations rotations;
  final Nudges nudges;
  final RecoveryNudges handoffs;
  final App app;
  final Optional<MessageFastPath> fastPath;
  final RestStore restStore;
  final SummaryStore summaries;
  private final HandoffTriggers handoffTriggers;
  private final RotationStore rotationStore;
  private final SummaryTriggers summaryTriggers;
  private final SummaryPoster poster;
  private final RetentionStore retention;
  private final Settings settings;

  Features(
      Settings settings,
      Clock clock,
      Database db,
      ScheduledExecutorService background,
      ExecutorService modals,
      Slack slack,
      BotMetrics metrics) {
    this.settings = settings;
    // One workspace's token from the environment, or each installed workspace's own.
    InstallationStore installed =
        settings.distributed()
            ? new InstallationStore(db, new TokenCipher(settings.distribution().tokenKey()))
            : null;
    Installations installations =
        installed == null
            ? null
            : new Installations(installed, slack, settings.distribution(), clock);
    TeamClients methods =
        installations == null
            ? TeamClients.single(slack, settings.botToken())
            : new TeamClients(slack, installations);
    ChannelAccess access =
        new ChannelAccess(
            methods.through(
                SlackApp.client(settings, CHANNEL_CHECK_TIMEOUT, metrics.slackCalls())));
    SessionRules rules = new SessionRules(settings.sessionGap(), settings.sessionTail());
    HourLog hourLog =
        new HourLog(rules, new QuietWindow(settings.lateNightFrom(), settings.lateNightTo()));
    SessionStore sessions = new SessionStore(db, rules);
    this.retention = new RetentionStore(db);
    PersonStore people = new PersonStore(db);
    SlackZoneDirectory zones = new SlackZoneDirectory(methods, people, background, clock);
    HourReports reports = new HourReports(sessions, zones, hourLog, clock);

    OutboxStore outboxStore = new OutboxStore(db);
    this.outbox =
        new OutboxRunner(
            new OutboxSender(
                    outboxStore,
                    methods,
                    SendLimits.slackDefaults(),
                    clock,
                    OutboxSender.CLAIM_BATCH,
                    new TellTheSetter(new PostFailures(db, outboxStore)))
                .observedBy(
                    new OutboxSender.Deliveries() {
                      @Override
                      public void delivered(OutboxKind kind) {
                        metrics.delivered(kind.label());
                      }

                      @Override
                      public void givenUp(OutboxKind kind) {
                        metrics.givenUp(kind.label());
                      }
                    }),
            clock);
    metrics.outbox(
        () -> outboxStore.backlog().waiting(),
        () ->
            outboxStore
                .backlog()
                .oldestQueued()
                .map(at -> Math.max(0, clock.millis() - at.toEpochMilli()) / 1000.0)
                .orElse(0.0));

    // Nudges ask who holds the watch straight from the rotations' store; the rotation tells
    // nudges about handoffs through the recovery nudges below.
    this.rotationStore = new RotationStore(db, outboxStore);
    Watch watch = rotationStore;
    this.restStore = new RestStore(db);
    NudgeStore nudgeStore = new NudgeStore(db, outboxStore, restStore);
    this.nudges =
        new Nudges(
            new RestPolicy(settings.rest(), rules),
            restStore,
            nudgeStore,
            sessions,
            restStore,
            zones,
            new SlackDnd(methods, clock),
            watch,
            background,
            outbox::wake,
            clock);
    this.handoffs = new RecoveryNudges(nudges, rotationStore);

    TeamFigures figures = new TeamFigures(db);
    this.summaries = new SummaryStore(db);
    this.poster =
        new SummaryPoster(
            new org.secondshift.summary.SummaryBuilder(summaries, figures, hourLog),
            summaries,
            outboxStore,
            outbox::wake,
            clock);

    // Triggers are planned from here on; the jobs they run are handed over when the schedules
    // start.
    this.schedules = db.sharedPool().map(Schedules::clustered).orElseGet(Schedules::inMemory);
    schedules.onMisfire(metrics::misfire);
    this.summaryTriggers = new SummaryTriggers(schedules);
    this.handoffTriggers = new HandoffTriggers(schedules);
    this.rotations =
        new Rotations(
            rotationStore,
            new Planner(
                new PreferenceSignals(
                    restStore, settings.rest(), zones, new HourLogRest(sessions, rules))),
            handoffs,
            handoffTriggers);

    SetupQuestions questions = new SetupQuestions(new PendingSetupStore(db), rotations);
    PersonalData personalData = new PersonalData(db);
    PersonalSettings personal =
        new StoredSettings(restStore, settings.rest(), summaries, people, zones::forgetChoices);
    HomePublisher home =
        new HomePublisher(
            reports,
            new HomeLines(rotations, figures, zones),
            personal,
            methods,
            background,
            clock);
    ActivityRecorder recorder =
        new ActivityRecorder(
            activity -> {
              boolean fresh = sessions.record(activity);
              metrics.activity(activity.kind().name(), fresh);
              return fresh;
            },
            (team, user) -> {
              zones.prefetch(team, user);
              nudges.afterActivity(team, user);
            });
    ShiftCommands commands =
        new ShiftCommands(
            List.of(
                new HoursCommand(
                    reports,
                    summaries::isSharing,
                    (team, user) -> restStore.prefs(team, user).dailyLimitOr(settings.rest())),
                new StatusCommand(reports),
                new StartCommand(reports),
                new StopCommand(reports),
                new RestCommand(new RestSetup(restStore, settings.rest(), zones, clock)),
                new CaptainCommand(rotations, questions, zones, access, clock),
                new NoteCommand(rotations, clock),
                new SummaryCommand(
                    summaries, summaryTriggers, poster, zones, figures, access, clock),
                new ShareCommand(summaries),
                new ExportCommand(personalData, outboxStore, zones, rules, outbox::wake, clock),
                new ForgetMeCommand()),
            metrics::command);
    EphemeralAnswers answers = new EphemeralAnswers(background);
    // Who the bot is in a workspace, for the message fast path: with one workspace, what Bolt's
    // auth.test showed and for as long as Bolt trusts it; with many, each installation.
    LearnedBotUser learned =
        new LearnedBotUser(
            clock,
            Duration.ofMillis(AppConfig.builder().build().getAuthTestCacheExpirationMillis()));
    BotUsers botUsers =
        installations == null
            ? learned
            : team -> installations.find(team).map(Installation::botUserId);
    this.fastPath =
        settings.operations().fastPath()
            ? Optional.of(
                new MessageFastPath(botUsers, recorder, db, metrics, clock, System::nanoTime))
            : Optional.empty();
    this.app =
        SlackApp.app(
            settings,
            slack,
            List.of(
                learned,
                new RequestMetrics(metrics, System::nanoTime),
                new AckBudget(db),
                new PlausibleTimestamps(clock),
                new PeopleOfThisWorkspace()),
            new SlackApp.Listeners(
                recorder,
                new MessagesTab(new PointerStore(db, outboxStore), zones, outbox::wake, clock),
                zones,
                commands,
                home,
                Map.of(
                    ForgetMeView.CONFIRM_ACTION,
                        new ForgetMeListener(
                            personalData, outboxStore, outbox::wake, answers, clock),
                    CaptainView.REPLACE_ACTION,
                        new RotationReplaceListener(questions, answers, clock),
                    CaptainView.KEEP_ACTION, new RotationKeepListener(answers),
                    HomeView.OPEN_SETTINGS,
                        new OpenSettingsListener(personal, zones, modals, clock)),
                Map.of(
                    NudgeButtonListener.ACTIONS,
                    new NudgeButtonListener(
                        new NudgeAnswers(nudgeStore, outbox::wake, clock),
                        answer -> metrics.nudgeAnswer(answer.name()))),
                Map.of(SettingsModal.CALLBACK_ID, new SettingsSubmittedListener(personal, home))),
            installations == null
                ? null
                : new SlackApp.Installs(
                    new BoltInstallations(installations),
                    new StoredOAuthStates(installed, clock),
                    new Uninstalls(installations, new TeamData(db)),
                    clock));
  }

  /**
   * Catches up what came due while the bot was down (each once), rebuilds the Quartz triggers from
   * the database, and starts the scheduler and the outbox.
   */
  void startBackgroundWork(Clock clock) {
    rotations.performDue(clock.instant());
    handoffs.catchUp(clock.instant());
    handoffTriggers.rebuild(rotationStore.all());
    schedules.every("captain-sweep", HandoffJob.class, HandoffTriggers.SWEEP);
    summaryTriggers.rebuild(summaries.plans());
    schedules.every("rest-check", RestCheckJob.class, settings.rest().checkEvery());
    Duration kept = settings.operations().retention();
    if (settings.operations().keepsEverything()) {
      schedules.remove("retention");
    } else {
      schedules.every("retention", RetentionJob.class, RetentionJob.EVERY);
    }
    outbox.start();
    schedules.start(
        Map.of(
            WeeklySummaryJob.class, () -> new WeeklySummaryJob(poster),
            HandoffJob.class, () -> new HandoffJob(rotations, clock),
            RestCheckJob.class, () -> new RestCheckJob(nudges, handoffs, clock),
            RetentionJob.class, () -> new RetentionJob(retention, kept, clock)));
    poster.catchUp();
  }
}
