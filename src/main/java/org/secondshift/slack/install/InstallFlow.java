package org.secondshift.slack.install;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2SuccessHandler;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import java.time.Clock;
import java.time.Instant;
import org.secondshift.config.Distribution;
import org.secondshift.slack.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's OAuth flow through Bolt: {@code GET /slack/install} shows the "Add to Slack" page and
 * starts a state, Slack sends the installer back to {@code GET /slack/oauth_redirect}, where the
 * state is checked, the code exchanged ({@code oauth.v2.access}) and the installation stored. Each
 * way it can end has a page of its own; none shows a stack trace.
 */
public final class InstallFlow {
  public static final String INSTALL_PATH = "/slack/install";
  public static final String REDIRECT_PATH = "/slack/oauth_redirect";

  /** The bot scopes of manifest.yml; the manifest test keeps the two lists the same. */
  public static final String BOT_SCOPES =
      "channels:history,groups:history,chat:write,im:write,users:read,dnd:read,commands,"
          + "reactions:read,app_mentions:read,files:write,channels:read,groups:read,im:history";

  private static final String SLACK_AUTHORIZE = Distribution.SLACK_AUTHORIZE.toString();
  private static final Logger log = LoggerFactory.getLogger(InstallFlow.class);

  private InstallFlow() {}

  /**
   * The install page for Bolt's {@code authorizeUrl}, which always names slack.com: pointed at
   * {@code distribution}'s authorize page (Slack's own, or a stand-in's).
   */
  public static String installPage(Distribution distribution, String authorizeUrl) {
    String url =
        authorizeUrl.startsWith(SLACK_AUTHORIZE)
            ? distribution.authorizeUrl() + authorizeUrl.substring(SLACK_AUTHORIZE.length())
            : authorizeUrl;
    return InstallPages.install(url);
  }

  /** Hands the flow's outcomes to {@code app}: after {@code app.service(installations)}. */
  public static void attach(App app, InstallationService installations, Slack slack, Clock clock) {
    app.oauthCallback(
        (OAuthV2SuccessHandler)
            (request, response, access) ->
                installed(response, access, installations, slack, clock));
    app.oauthCallbackError(
        (request, response) -> {
          String error = request.getPayload().getError();
          log.info("an install was not approved on Slack's page: {}", LogText.cap(error));
          return html(response, 200, InstallPages.denied(INSTALL_PATH));
        });
    app.oauthCallbackStateError(
        (request, response) -> html(response, 400, InstallPages.badState(INSTALL_PATH)));
    app.oauthCallbackAccessError(
        (OAuthV2AccessErrorHandler)
            (request, response, access) -> {
              log.warn("Slack refused to finish an install: {}", access.getError());
              return html(
                  response, 502, InstallPages.slackRefused(INSTALL_PATH, access.getError()));
            });
    app.oauthCallbackException(
        (request, response, e) -> {
          log.error("an install could not be finished: {}", LogText.cap(e.toString()));
          return html(response, 500, InstallPages.broken(INSTALL_PATH));
        });
  }

  private static Response installed(
      Response response,
      OAuthV2AccessResponse o,
      InstallationService installations,
      Slack slack,
      Clock clock) {
    if (o.isEnterpriseInstall() || o.getTeam() == null) {
      // Nothing stays behind in the organisation: the token just issued is revoked at once.
      try {
        slack.methods(o.getAccessToken()).authRevoke(r -> r);
      } catch (Exception e) {
        log.warn("could not revoke an org-wide install's token: {}", LogText.cap(e.toString()));
      }
      log.info(
          "refused an org-wide install for enterprise {}",
          o.getEnterprise() == null ? "?" : o.getEnterprise().getId());
      return html(response, 403, InstallPages.enterpriseRefused(INSTALL_PATH));
    }
    Instant now = clock.instant();
    String botId = null;
    try {
      var who = slack.methods(o.getAccessToken()).authTest(r -> r);
      botId = who.isOk() ? who.getBotId() : null;
    } catch (Exception e) {
      log.warn("auth.test after an install failed: {}", LogText.cap(e.toString()));
    }
    DefaultInstaller installer =
        DefaultInstaller.builder()
            .appId(o.getAppId())
            .teamId(o.getTeam().getId())
            .teamName(o.getTeam().getName())
            .enterpriseId(o.getEnterprise() == null ? null : o.getEnterprise().getId())
            .botUserId(o.getBotUserId())
            .botId(botId)
            .botScope(o.getScope())
            .scope(o.getScope())
            .botAccessToken(o.getAccessToken())
            .botRefreshToken(o.getRefreshToken())
            .botTokenExpiresAt(
                o.getExpiresIn() == null ? null : now.plusSeconds(o.getExpiresIn()).toEpochMilli())
            .installerUserId(o.getAuthedUser() == null ? null : o.getAuthedUser().getId())
            .installedAt(now.toEpochMilli())
            .build();
    try {
      installations.saveInstallerAndBot(installer);
    } catch (Exception e) {
      log.error(
          "could not store the installation of team {}: {}",
          o.getTeam().getId(),
          LogText.cap(e.toString()));
      return html(response, 500, InstallPages.broken(INSTALL_PATH));
    }
    log.info(
        "installed in team {} by {} with scopes {}{}",
        o.getTeam().getId(),
        installer.getInstallerUserId(),
        o.getScope(),
        o.getRefreshToken() == null ? "" : " (rotating tokens)");
    return html(response, 200, InstallPages.installed(o.getTeam().getName()));
  }

  private static Response html(Response response, int status, String body) {
    response.setStatusCode(status);
    response.setContentType("text/html; charset=utf-8");
    response.setBody(body);
    return response;
  }
}
