package org.secondshift.slack.listeners;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import org.secondshift.slack.blocks.ForgetMeView;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxStore;
import org.secondshift.store.PersonalData;

/**
 * "Yes, forget me": erases the clicker's data (only ever the clicker's), replaces the question with
 * a line saying so, and says goodbye by DM.
 */
public final class ForgetMeListener implements BlockActionHandler {
  private final PersonalData data;
  private final OutboxStore outbox;
  private final Runnable wakeOutbox;
  private final EphemeralAnswers answers;
  private final Clock clock;

  public ForgetMeListener(
      PersonalData data,
      OutboxStore outbox,
      Runnable wakeOutbox,
      EphemeralAnswers answers,
      Clock clock) {
    this.data = data;
    this.outbox = outbox;
    this.wakeOutbox = wakeOutbox;
    this.answers = answers;
    this.clock = clock;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    String team = req.getPayload().getTeam().getId();
    String user = req.getPayload().getUser().getId();
    data.forget(
        team,
        user,
        OutboxMessage.post(team, OutboxKind.FAREWELL, user, ForgetMeView.farewell(), null, null),
        outbox,
        clock.instant());
    wakeOutbox.run();
    answers.replace(ctx, team, user, ForgetMeView.erased());
    return ctx.ack();
  }
}
