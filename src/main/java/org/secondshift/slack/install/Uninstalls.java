package org.secondshift.slack.install;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.List;
import org.secondshift.slack.LogText;
import org.secondshift.store.TeamData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app was uninstalled from a workspace, or its bot token revoked: from then on nothing is sent
 * there, and every row the bot kept about the workspace (its installation, people, hours, nudges,
 * rotations, summaries, queued messages) is erased, its space overwritten as for {@code /shift
 * forget-me}. Slack sends both events; the second finds nothing left to erase.
 */
public final class Uninstalls {
  private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);

  private final Installations installations;
  private final TeamData data;

  public Uninstalls(Installations installations, TeamData data) {
    this.installations = installations;
    this.data = data;
  }

  public BoltEventHandler<AppUninstalledEvent> uninstalled() {
    return (payload, ctx) -> erase(payload, ctx, "the app was uninstalled");
  }

  public BoltEventHandler<TokensRevokedEvent> revoked() {
    return (payload, ctx) -> {
      TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
      List<String> bots = tokens == null ? null : tokens.getBot();
      if (bots == null || bots.isEmpty()) {
        // Only user tokens, and the bot keeps none.
        return ctx.ack();
      }
      return erase(payload, ctx, "its bot token was revoked");
    };
  }

  private Response erase(EventsApiPayload<?> payload, EventContext ctx, String why) {
    String team = payload.getTeamId();
    installations.forget(team);
    int rows = data.erase(team);
    installations.forget(team);
    log.info("{} in team {}: erased {} rows", why, LogText.cap(team), rows);
    return ctx.ack();
  }
}
