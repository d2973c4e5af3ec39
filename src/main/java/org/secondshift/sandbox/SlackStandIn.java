package org.secondshift.sandbox;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A local, in-memory Slack workspace that answers the bot's Web API and Socket Mode traffic. */
public final class SlackStandIn implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Server http;
  private final int httpPort;
  private final SocketModeServer socket;
  private final TeamDirectory directory;
  private final ChannelDirectory channels;
  private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
  private final MessageStore messages;
  private final ViewStore views;
  private final TriggerIds triggers;
  private final FileStore files;
  private final FaultPlan faults;
  private final CallLog log;
  private final RateLimits limits;
  private final Ephemerals ephemerals;
  private final SlackRules.RefusedTokens refusedTokens = new SlackRules.RefusedTokens();
  private final OAuthApps oauth;
  private final Map<String, TeamLimit> teamLimits = new ConcurrentHashMap<>();

  private SlackStandIn(
      Clock clock,
      LongSupplier nanoTime,
      Server http,
      ServerConnector connector,
      SocketModeServer socket) {
    this.http = http;
    this.httpPort = connector.getLocalPort();
    this.socket = socket;
    this.directory = new TeamDirectory();
    this.channels = new ChannelDirectory();
    this.messages = new MessageStore(clock);
    this.views = new ViewStore();
    this.triggers = new TriggerIds(nanoTime);
    this.files = new FileStore();
    this.faults = new FaultPlan();
    this.log = new CallLog();
    this.limits = new RateLimits(clock);
    this.ephemerals = new Ephemerals(clock);
    this.oauth = new OAuthApps(clock);
    String socketUrl = "ws://" + HOST + ":" + socket.boundPort() + "/link";
    WebApi api =
        new WebApi(
            clock, directory, channels, messages, views, triggers, files, oauth, baseUrl(),
            socketUrl);
    http.setHandler(
        new HttpFrontDoor(
            new WebApiEndpoint(
                clock,
                api,
                faults,
                log,
                files,
                limits,
                revokedTokens,
                refusedTokens,
                oauth,
                directory,
                teamLimits),
            ephemerals,
            oauth));
  }

  public static SlackStandIn start(Clock clock) {
    return start(clock, 0);
  }

  /**
   * Starts on {@code httpPort} (0 picks a free port); the Socket Mode port is always free-picked.
   * Trigger ids age in real time, read from {@link System#nanoTime()}.
   */
  public static SlackStandIn start(Clock clock, int httpPort) {
    return start(clock, httpPort, System::nanoTime);
  }

  /**
   * As {@link #start(Clock, int)}, with trigger ids aging as {@code nanoTime} tells: Slack's three
   * seconds for a trigger are wall time, which {@code clock} (the workspace's calendar, often held
   * still in tests) does not measure.
   */
  public static SlackStandIn start(Clock clock, int httpPort, LongSupplier nanoTime) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("slack-stand-in");
    Server http = new Server(threads);
    ServerConnector connector = new ServerConnector(http);
    connector.setHost(HOST);
    connector.setPort(httpPort);
    http.addConnector(connector);
    SocketModeServer socket = SocketModeServer.start(HOST);
    try {
      // Bind first: the upload URLs the Web API hands out must carry the real port.
      connector.open();
      SlackStandIn standIn = new SlackStandIn(clock, nanoTime, http, connector, socket);
      http.start();
      return standIn;
    } catch (Exception e) {
      stopQuietly(http, socket);
      throw new IllegalStateException("Cannot start the Slack stand-in on port " + httpPort, e);
    }
  }

  public String apiUrl() {
    return baseUrl() + "api/";
  }

  public int port() {
    return httpPort;
  }

  public int socketPort() {
    return socket.boundPort();
  }

  public String teamId() {
    return TeamDirectory.TEAM_ID;
  }

  public String botUserId() {
    return TeamDirectory.BOT_USER_ID;
  }

  public String botId() {
    return TeamDirectory.BOT_ID;
  }

  /**
   * Lets {@code clientId} install the app through OAuth: the authorize page at {@code
   * /oauth/v2/authorize} sends installers back to {@code redirectUri}, and {@code oauth.v2.access}
   * exchanges codes; with {@code rotating}, bot tokens expire after 12 hours and come with a
   * refresh token.
   */
  public void registerApp(
      String clientId, String clientSecret, java.net.URI redirectUri, boolean rotating) {
    oauth.register(clientId, clientSecret, redirectUri, rotating);
  }

  /** The next installer approves the app for {@code teamId}. */
  public void approveNextInstall(String teamId, String teamName, String installerId) {
    oauth.approveNext(
        new OAuthApps.Approval(teamId, teamName, installerId, OAuthApps.Outcome.APPROVE));
  }

  /** The next installer presses Cancel on the authorize page. */
  public void denyNextInstall() {
    oauth.approveNext(new OAuthApps.Approval(null, null, null, OAuthApps.Outcome.DENY));
  }

  /** The next installer installs across the whole Enterprise Grid org of {@code teamId}. */
  public void approveNextOrgWide(String teamId, String teamName, String installerId) {
    oauth.approveNext(
        new OAuthApps.Approval(teamId, teamName, installerId, OAuthApps.Outcome.ORG_WIDE));
  }

  /** The workspace a token from the OAuth flow acts in; empty for others. */
  public Optional<String> teamOfToken(String token) {
    return oauth.teamOf(token);
  }

  /**
   * The next {@code times} calls made with a token of {@code teamId} get {@code 429} with {@code
   * Retry-After}: Slack limits each workspace on its own.
   */
  public void rateLimitTeam(String teamId, int times, int retryAfterSeconds) {
    teamLimits.put(teamId, new TeamLimit(new AtomicInteger(times), retryAfterSeconds));
  }

  /** A 429 burst planned for one workspace. */
  record TeamLimit(AtomicInteger left, int retryAfterSeconds) {}

  /** A person of another workspace, one the app is installed in through OAuth. */
  public void addUser(String teamId, String userId, String name, String tz) {
    directory.addUser(teamId, userId, name, tz);
  }

  public void addUser(String userId, String name, String tz) {
    directory.addUser(userId, name, tz);
  }

  public void setDnd(String userId, boolean enabled) {
    directory.setDnd(userId, enabled);
  }

  /** Adds a public channel ({@code C…}); nobody is in it, not even the bot, until invited. */
  public void addChannel(String channelId, String name) {
    channels.add(channelId, name, false);
  }

  /** Adds a private channel; Slack hides it from the bot until the bot is invited. */
  public void addPrivateChannel(String channelId, String name) {
    channels.add(channelId, name, true);
  }

  /** Adds a person, or the bot ({@link #botUserId()}), to a channel, as {@code /invite} does. */
  public void invite(String channelId, String userId) {
    channels.join(channelId, userId);
  }

  /**
   * Takes a person, or the bot, out of a channel, as {@code /remove} does: Slack then refuses the
   * bot's posts there with {@code not_in_channel}.
   */
  public void remove(String channelId, String userId) {
    channels.leave(channelId, userId);
  }

  /** Archives a channel: Slack then refuses posts to it with {@code is_archived}. */
  public void archive(String channelId) {
    channels.archive(channelId);
  }

  /** Whether the channel exists and the bot was invited to it. */
  public boolean botIsIn(String channelId) {
    return channels.find(channelId).map(c -> c.has(botUserId())).orElse(false);
  }

  /** The channel's name, if the workspace has that channel. */
  public Optional<String> channelName(String channelId) {
    return channels.find(channelId).map(ChannelDirectory.Channel::name);
  }

  /**
   * Revokes {@code token}, as uninstalling the app does: every call made with it then answers
   * {@code token_revoked}.
   */
  public void revokeToken(String token) {
    revokedTokens.add(token);
  }

  public void rateLimitNext(String method, int times, int retryAfterSeconds) {
    faults.rateLimitNext(method, times, retryAfterSeconds);
  }

  /**
   * From now on answers {@code method} with 429 and Retry-After beyond {@code perSecond} for the
   * whole workspace (after a burst of {@code burst}), and beyond one per second per channel (after
   * a burst of three), like Slack does for chat.postMessage.
   */
  public void limitRate(String method, double perSecond, int burst) {
    limits.limit(method, perSecond, burst);
    limits.limitPerChannel(method, 1, 3);
  }

  /** From now on every Web API call with {@code token} is refused as Slack does: invalid_auth. */
  public void refuseToken(String token) {
    refusedTokens.refuse(token);
  }

  /** Forgets the failures and rate limits still queued for {@code method}. */
  public void clearFaults(String method) {
    faults.clear(method);
  }

  /** Leaves calls of {@code method} unanswered until {@code release} opens, as a slow Slack. */
  public void hold(String method, CountDownLatch release) {
    faults.hold(method, release);
  }

  /**
   * Blocks until {@code count} calls of {@code method} wait on its {@link #hold} at once; throws
   * IllegalStateException on timeout.
   */
  public void awaitHeld(String method, int count, Duration timeout) {
    try {
      if (!faults.awaitHeld(method, count, timeout)) {
        throw new IllegalStateException(
            "Expected %d held %s call(s) within %s".formatted(count, method, timeout));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for held " + method + " calls", e);
    }
  }

  public void failNext(String method, int times, String error) {
    faults.failNext(method, times, error);
  }

  public List<RecordedCall> calls() {
    return log.all();
  }

  public List<RecordedCall> calls(String method) {
    return log.of(method);
  }

  /**
   * Blocks until {@code count} calls of {@code method} arrived; throws IllegalStateException on
   * timeout.
   */
  public List<RecordedCall> awaitCalls(String method, int count, Duration timeout) {
    return log.await(method, count, timeout);
  }

  public void clearCalls() {
    log.clear();
  }

  /** What Slack would still hold after a restart, as text to keep in a file. */
  public String savedState() {
    Map<String, String> zones = new LinkedHashMap<>();
    directory.people().forEach(p -> zones.put(p.id(), p.zone().getId()));
    List<String> botChannels =
        channels.all().stream().filter(c -> c.has(botUserId())).map(c -> c.id()).toList();
    return new StandInState(
            messages.all(),
            messages.lastTsMicros(),
            files.all().stream()
                .filter(UploadedFile::completed)
                .map(StandInState.KeptFile::of)
                .toList(),
            zones,
            botChannels)
        .toJson();
  }

  /**
   * Puts back a state from {@link #savedState}, after the people and channels are added: their
   * messages and files, each person's zone, and the bot in exactly the channels it was in.
   */
  public void restoreState(String json) {
    StandInState state = StandInState.fromJson(json);
    messages.restore(state.messages(), state.lastTsMicros());
    files.restore(state.files().stream().map(StandInState.KeptFile::file).toList());
    for (SandboxUser p : directory.people()) {
      String zone = state.zones() == null ? null : state.zones().get(p.id());
      if (zone != null) {
        directory.addUser(p.id(), p.name(), zone);
      }
    }
    if (state.botChannels() != null) {
      for (ChannelDirectory.Channel c : channels.all()) {
        if (state.botChannels().contains(c.id())) {
          channels.join(c.id(), botUserId());
        } else {
          channels.leave(c.id(), botUserId());
        }
      }
    }
  }

  public List<PostedMessage> messages(String channelId) {
    return messages.messages(channelId);
  }

  /** Stores a person's message as Slack would show it; {@code at} null means now. */
  public PostedMessage postAs(String channelId, String userId, String text, Instant at) {
    return messages.postAs(channelId, userId, text, at);
  }

  /** The members of the workspace (the bot excluded), by name. */
  public List<SandboxUser> people() {
    return directory.people();
  }

  /**
   * A trigger id as Slack sends with a click or a slash command by {@code userId}: {@code
   * views.open} takes it once, within three seconds from now.
   */
  public String mintTrigger(String userId) {
    return triggers.mint(userId);
  }

  /** Modals opened with {@code views.open}, oldest first. */
  public List<OpenedView> openedViews() {
    return views.opened();
  }

  /** A view as it reads now, after any {@code views.update}. */
  public Optional<String> view(String viewId) {
    return views.view(viewId).map(JsonObject::toString);
  }

  public Optional<String> homeView(String userId) {
    return views.homeView(userId);
  }

  /**
   * Shows {@code user} a reply only they see in {@code channel}, as Slack does with an ack body.
   */
  /** A notice Slack itself shows one person, from Slackbot. */
  public Ephemeral showSlackNotice(String channel, String user, String text) {
    return ephemerals.show(channel, user, text, null, Ephemeral.SLACKBOT);
  }

  public Ephemeral showEphemeral(String channel, String user, String text, String blocksJson) {
    return ephemerals.show(channel, user, text, blocksJson);
  }

  /** The ephemeral replies {@code user} sees in {@code channel} now, oldest first. */
  public List<Ephemeral> ephemerals(String channel, String user) {
    return ephemerals.of(channel, user);
  }

  /**
   * A {@code response_url} on this stand-in for an interaction by {@code user} in {@code channel};
   * {@code originalTs} is the ephemeral the interaction came from, or null (a slash command).
   */
  public String responseUrl(String channel, String user, String originalTs) {
    return baseUrl() + "respond/" + ephemerals.issue(channel, user, originalTs);
  }

  /** The bodies posted to response URLs so far, oldest first. */
  public List<String> responses() {
    return ephemerals.responses().stream().map(Ephemerals.Response::body).toList();
  }

  /** Blocks until {@code count} posts to response URLs arrived; their bodies, oldest first. */
  public List<String> awaitResponses(int count, Duration timeout) {
    return ephemerals.await(count, timeout).stream().map(Ephemerals.Response::body).toList();
  }

  /**
   * Why Slack would reject {@code blocksJson} in a message ({@code inView} false) or a view, or
   * empty if it keeps within Slack's Block Kit limits.
   */
  public static Optional<String> blocksProblem(String blocksJson, boolean inView) {
    return SlackRules.blocksProblem(
        com.google.gson.JsonParser.parseString(blocksJson).getAsJsonArray(),
        inView ? SlackRules.VIEW_BLOCKS_MAX : SlackRules.MESSAGE_BLOCKS_MAX);
  }

  public List<UploadedFile> uploads() {
    return files.all();
  }

  public boolean awaitSocketClient(Duration timeout) {
    return socket.awaitClient(timeout);
  }

  public String sendSocketEnvelope(String type, JsonObject payload) {
    return socket.sendEnvelope(type, payload);
  }

  public void sendSocketDisconnect(String reason) {
    socket.sendDisconnect(reason);
  }

  public JsonObject awaitSocketAck(String envelopeId, Duration timeout) {
    return socket.awaitAck(envelopeId, timeout);
  }

  @Override
  public void close() {
    stopQuietly(http, socket);
  }

  private String baseUrl() {
    return "http://" + HOST + ":" + httpPort + "/";
  }

  private static void stopQuietly(Server http, SocketModeServer socket) {
    try {
      http.stop();
    } catch (Exception e) {
      // Closing is best effort; a half-stopped test server must not hide the test's own failure.
    }
    try {
      socket.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
