package org.secondshift.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Web API client for each workspace, carrying that workspace's own bot token: every call the
 * bot makes outside a request (the outbox, Home, DND and zone look-ups, channel checks) asks here
 * with the team it serves, so no token is global to the process. One client is kept per team and
 * replaced when the team's token changes (a reinstall, a rotation), so the same token always gives
 * the same client and a new token a new one.
 */
public final class TeamClients {
  /** Where a team's current bot token comes from. */
  @FunctionalInterface
  public interface Tokens {
    /** The team's bot token, or empty when the bot is not installed there. */
    Optional<String> botToken(String teamId);
  }

  private record Held(String token, MethodsClient client) {}

  private final Slack slack;
  private final Tokens tokens;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  public TeamClients(Slack slack, Tokens tokens) {
    this.slack = slack;
    this.tokens = tokens;
  }

  /** One workspace whose token came from the environment: that token, whatever the team. */
  public static TeamClients single(Slack slack, String botToken) {
    return new TeamClients(slack, team -> Optional.of(botToken));
  }

  /** The same tokens through another client, e.g. one with a shorter call timeout. */
  public TeamClients through(Slack other) {
    return new TeamClients(other, tokens);
  }

  /** The client for {@code teamId}, or empty when the bot holds no token for that workspace. */
  public Optional<MethodsClient> of(String teamId) {
    Optional<String> token = tokens.botToken(teamId);
    if (token.isEmpty()) {
      held.remove(teamId);
      return Optional.empty();
    }
    String current = token.get();
    Held h =
        held.compute(
            teamId,
            (team, was) ->
                was != null && was.token().equals(current)
                    ? was
                    : new Held(current, slack.methods(current, team)));
    return Optional.of(h.client());
  }
}
