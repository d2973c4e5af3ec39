package org.secondshift.slack.listeners;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.secondshift.slack.blocks.CaptainView;

/** "Keep the current one": nothing changes, and the question with its buttons goes away. */
public final class RotationKeepListener implements BlockActionHandler {
  private final EphemeralAnswers answers;

  public RotationKeepListener(EphemeralAnswers answers) {
    this.answers = answers;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    String team = req.getPayload().getTeam().getId();
    String user = req.getPayload().getUser().getId();
    answers.replace(ctx, team, user, CaptainView.kept());
    return ctx.ack();
  }
}
