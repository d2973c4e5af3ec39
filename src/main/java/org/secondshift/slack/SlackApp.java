package org.secondshift.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageMeEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.util.http.SlackHttpClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.config.Distribution;
import org.secondshift.config.Settings;
import org.secondshift.slack.command.ShiftCommands;
import org.secondshift.slack.home.HomePublisher;
import org.secondshift.slack.install.BoltInstallations;
import org.secondshift.slack.install.InstallFlow;
import org.secondshift.slack.install.StoredOAuthStates;
import org.secondshift.slack.install.TeamAuthorization;
import org.secondshift.slack.install.Uninstalls;
import org.secondshift.slack.listeners.AppHomeOpenedListener;
import org.secondshift.slack.listeners.BroadcastListener;
import org.secondshift.slack.listeners.MeMessageListener;
import org.secondshift.slack.listeners.MentionListener;
import org.secondshift.slack.listeners.MessageListener;
import org.secondshift.slack.listeners.ReactionListener;
import org.secondshift.slack.listeners.SharedMessageListener;
import org.secondshift.slack.listeners.ShiftCommandListener;
import org.secondshift.slack.listeners.UserChangeListener;

/**
 * Builds the Slack client pointed at the configured Web API, and the Bolt app with its listeners.
 */
public final class SlackApp {
  private SlackApp() {}

  /** A Slack client whose every Web API call goes to {@code settings.apiUrl()}. */
  public static Slack client(Settings settings) {
    return client(settings.apiUrl());
  }

  /** A Slack client whose every Web API call goes to {@code apiUrl} (ending in {@code /}). */
  public static Slack client(URI apiUrl) {
    return Slack.getInstance(config(apiUrl));
  }

  /**
   * As {@link #client(Settings)}, giving up on a call after {@code callTimeout}: for look-ups made
   * while a person waits for an answer.
   */
  public static Slack client(Settings settings, Duration callTimeout) {
    return client(settings, callTimeout, chain -> chain.proceed(chain.request()));
  }

  /** As {@link #client(Settings)}, every call passing through {@code interceptor}. */
  public static Slack client(Settings settings, Interceptor interceptor) {
    return withInterceptor(config(settings.apiUrl()), interceptor);
  }

  /** As {@link #client(Settings, Duration)}, every call passing through {@code interceptor}. */
  public static Slack client(Settings settings, Duration callTimeout, Interceptor interceptor) {
    SlackConfig config = config(settings.apiUrl());
    int millis = Math.toIntExact(callTimeout.toMillis());
    config.setHttpClientCallTimeoutMillis(millis);
    config.setHttpClientReadTimeoutMillis(millis);
    return withInterceptor(config, interceptor);
  }

  private static Slack withInterceptor(SlackConfig config, Interceptor interceptor) {
    OkHttpClient http =
        SlackHttpClient.buildOkHttpClient(config).newBuilder().addInterceptor(interceptor).build();
    SlackHttpClient client = new SlackHttpClient(http);
    client.setConfig(config);
    return Slack.getInstance(config, client);
  }

  private static SlackConfig config(URI apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl.toString());
    config.setPrettyResponseLoggingEnabled(false);
    // The SDK's own metrics would call auth.test for every new token; we do not read them.
    config.setStatsEnabled(false);
    return config;
  }

  /**
   * The Bolt app. Signatures are checked by {@link RequestGuard} in front of it, so Bolt's own
   * check is off; events nobody listens to are acknowledged rather than answered 404. {@code
   * middleware} runs, in order, after Bolt's own and before any listener.
   */
  public static App app(
      Settings settings,
      Slack slack,
      List<Middleware> middleware,
      Listeners listeners,
      Installs installs) {
    App app =
        installs == null
            ? oneWorkspace(settings, slack)
            : manyWorkspaces(settings, slack, installs);
    middleware.forEach(app::use);
    ActivityRecorder recorder = listeners.recorder();
    app.event(MessageEvent.class, new MessageListener(recorder, listeners.messagesTab()));
    app.event(MessageFileShareEvent.class, new SharedMessageListener(recorder));
    app.event(MessageMeEvent.class, new MeMessageListener(recorder));
    app.event(MessageThreadBroadcastEvent.class, new BroadcastListener(recorder));
    app.event(AppMentionEvent.class, new MentionListener(recorder));
    app.event(ReactionAddedEvent.class, new ReactionListener(recorder));
    app.event(UserChangeEvent.class, new UserChangeListener(listeners.zones()));
    app.event(AppHomeOpenedEvent.class, new AppHomeOpenedListener(listeners.home()));
    app.command("/shift", new ShiftCommandListener(listeners.commands()));
    listeners.actions().forEach(app::blockAction);
    listeners.actionPatterns().forEach(app::blockAction);
    listeners.submissions().forEach(app::viewSubmission);
    return app;
  }

  private static App oneWorkspace(Settings settings, Slack slack) {
    return new App(
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(settings.botToken())
            .signingSecret(settings.signingSecret())
            .requestVerificationEnabled(false)
            .allEventsApiAutoAckEnabled(true)
            .build());
  }

  /**
   * Installed by many workspaces: Bolt's OAuth flow at {@link InstallFlow#INSTALL_PATH} and {@link
   * InstallFlow#REDIRECT_PATH}, and each request authorized with its own workspace's token by
   * {@link TeamAuthorization} in place of Bolt's, which would call {@code auth.test} per token.
   */
  private static App manyWorkspaces(Settings settings, Slack slack, Installs installs) {
    Distribution d = settings.distribution();
    AppConfig config =
        AppConfig.builder()
            .slack(slack)
            .signingSecret(settings.signingSecret())
            .clientId(d.clientId())
            .clientSecret(d.clientSecret())
            .redirectUri(d.redirectUri() == null ? null : d.redirectUri().toString())
            .scope(InstallFlow.BOT_SCOPES)
            .requestVerificationEnabled(false)
            .allEventsApiAutoAckEnabled(true)
            .build();
    config.setOauthInstallPath(InstallFlow.INSTALL_PATH);
    config.setOauthRedirectUriPath(InstallFlow.REDIRECT_PATH);
    config.setOAuthInstallPageRenderer(url -> InstallFlow.installPage(d, url));
    App app =
        new App(
            config,
            slack,
            // Bolt adds to this list as middleware is registered, so it must be a mutable one.
            new java.util.ArrayList<>(
                List.of(
                    new TeamAuthorization(installs.installations()),
                    new IgnoringSelfEvents(slack.getConfig(), true))));
    app.service(installs.states());
    app.service(installs.installations());
    InstallFlow.attach(app, installs.installations(), slack, installs.clock());
    app.event(AppUninstalledEvent.class, installs.uninstalls().uninstalled());
    app.event(TokensRevokedEvent.class, installs.uninstalls().revoked());
    return app;
  }

  /** What serving many workspaces adds: their installations, the OAuth states, uninstalls. */
  public record Installs(
      BoltInstallations installations,
      StoredOAuthStates states,
      Uninstalls uninstalls,
      Clock clock) {}

  /** Everything the Bolt app hands requests to. */
  public record Listeners(
      ActivityRecorder recorder,
      MessagesTab messagesTab,
      SlackZoneDirectory zones,
      ShiftCommands commands,
      HomePublisher home,
      Map<String, BlockActionHandler> actions,
      Map<Pattern, BlockActionHandler> actionPatterns,
      Map<String, ViewSubmissionHandler> submissions) {}
}
