package org.secondshift.slack;

import java.util.Optional;

/**
 * The bot's own user in a workspace, as the request path knows it without asking Slack: empty when
 * the workspace is not (or not yet) known to be authorized, so that the caller lets Bolt's
 * authorization decide.
 */
@FunctionalInterface
public interface BotUsers {
  Optional<String> botUserId(String teamId);
}
