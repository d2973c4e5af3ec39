package org.secondshift.slack.listeners;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import java.util.concurrent.Executor;
import org.secondshift.slack.command.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a click on an ephemeral message through its {@code response_url}, after the ack: {@code
 * chat.update} cannot edit an ephemeral, so the reply replaces it (and its buttons) instead.
 */
public final class EphemeralAnswers {
  private static final Logger log = LoggerFactory.getLogger(EphemeralAnswers.class);

  private final Executor executor;

  public EphemeralAnswers(Executor executor) {
    this.executor = executor;
  }

  /** Replaces the message the click came from with {@code reply}. */
  public void replace(ActionContext ctx, String teamId, String userId, Reply reply) {
    send(
        ctx,
        teamId,
        userId,
        ActionResponse.builder()
            .replaceOriginal(true)
            .text(reply.text())
            .blocks(reply.blocks().isEmpty() ? null : reply.blocks())
            .build());
  }

  private void send(ActionContext ctx, String teamId, String userId, ActionResponse response) {
    if (ctx.getResponseUrl() == null) {
      log.warn("no response_url on a click by {} in team {}", userId, teamId);
      return;
    }
    executor.execute(
        () -> {
          try {
            var answer = ctx.respond(response);
            if (answer.getCode() != 200) {
              log.warn(
                  "response_url answered {} for user {} in team {}",
                  answer.getCode(),
                  userId,
                  teamId);
            }
          } catch (Exception e) {
            log.warn("could not answer a click by {} in team {}: {}", userId, teamId, e.toString());
          }
        });
  }
}
