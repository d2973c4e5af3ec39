package org.secondshift.slack.listeners;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import org.secondshift.captain.SetupQuestions;
import org.secondshift.slack.blocks.CaptainView;
import org.secondshift.slack.command.Reply;

/**
 * The Replace button under a setup that would replace the channel's rotation: its value names the
 * setup kept on the server, which the first click applies; a later click is told it was done, a
 * late one that the question expired. The answer replaces the question and its buttons.
 */
public final class RotationReplaceListener implements BlockActionHandler {
  private final SetupQuestions questions;
  private final EphemeralAnswers answers;
  private final Clock clock;

  public RotationReplaceListener(SetupQuestions questions, EphemeralAnswers answers, Clock clock) {
    this.questions = questions;
    this.answers = answers;
    this.clock = clock;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String team = p.getTeam().getId();
    String user = p.getUser().getId();
    String id = String.valueOf(p.getActions().get(0).getValue());
    SetupQuestions.Answer a = questions.confirm(id, team, user, clock.instant());
    Reply reply =
        switch (a.found()) {
          case WON -> CaptainView.setup(a.result(), a.zone(), "");
          case USED -> CaptainView.alreadyReplaced();
          case EXPIRED -> CaptainView.questionExpired();
        };
    answers.replace(ctx, team, user, reply);
    return ctx.ack();
  }
}
