package org.secondshift.slack.install;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import java.util.Set;
import org.secondshift.slack.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the bot token of the request's workspace into Bolt's context, from the installations the bot
 * keeps (cached, so no database read and no {@code auth.test} per event). A request from a
 * workspace the bot is not installed in is acknowledged and goes no further: an event quietly, a
 * slash command with a line saying so. The two events that announce an uninstall carry no usable
 * token and pass on without one.
 */
public final class TeamAuthorization implements Middleware {
  static final Set<String> WITHOUT_TOKEN = Set.of("app_uninstalled", "tokens_revoked");
  private static final Logger log = LoggerFactory.getLogger(TeamAuthorization.class);

  private final InstallationService installations;

  public TeamAuthorization(InstallationService installations) {
    this.installations = installations;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    RequestType type = req.getRequestType();
    if (type == RequestType.OAuthStart || type == RequestType.OAuthCallback) {
      return chain.next(req);
    }
    if (req instanceof EventRequest e && WITHOUT_TOKEN.contains(e.getEventType())) {
      return chain.next(req);
    }
    Context context = req.getContext();
    Bot bot = installations.findBot(context.getEnterpriseId(), context.getTeamId());
    if (bot == null) {
      log.info(
          "dropped a {} from team {}, where Second Shift is not installed",
          type,
          LogText.cap(String.valueOf(context.getTeamId())));
      if (type == RequestType.Command) {
        return Response.json(
            200,
            "{\"response_type\":\"ephemeral\",\"text\":\"Second Shift is not installed in this"
                + " workspace any more. Ask an admin to add it again from its install page.\"}");
      }
      return Response.ok();
    }
    context.setBotToken(bot.getBotAccessToken());
    context.setBotUserId(bot.getBotUserId());
    context.setBotId(bot.getBotId());
    context.setBotScopes(
        bot.getBotScope() == null ? null : java.util.List.of(bot.getBotScope().split(",")));
    return chain.next(req);
  }
}
