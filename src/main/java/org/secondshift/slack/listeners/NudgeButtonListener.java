package org.secondshift.slack.listeners;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.secondshift.rest.NudgeAnswer;
import org.secondshift.rest.NudgeAnswers;

/**
 * A click on one of a nudge's four buttons: the answer is kept and the message updated in place.
 */
public final class NudgeButtonListener implements BlockActionHandler {
  /** The action ids of all four buttons. */
  public static final Pattern ACTIONS =
      Pattern.compile(Pattern.quote(NudgeAnswer.ACTION_PREFIX) + "[a-z]+");

  private final NudgeAnswers answers;
  private final Consumer<NudgeAnswer> clicked;

  public NudgeButtonListener(NudgeAnswers answers) {
    this(answers, a -> {});
  }

  /** As above, telling {@code clicked} of each answer clicked (for the metrics). */
  public NudgeButtonListener(NudgeAnswers answers, Consumer<NudgeAnswer> clicked) {
    this.answers = answers;
    this.clicked = clicked;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    if (p.getActions() != null
        && !p.getActions().isEmpty()
        && p.getContainer() != null
        && p.getUser() != null
        && p.getTeam() != null) {
      BlockActionPayload.Action action = p.getActions().get(0);
      Optional<NudgeAnswer> answer = NudgeAnswer.ofActionId(action.getActionId());
      Optional<Long> nudgeId = id(action.getValue());
      if (answer.isPresent() && nudgeId.isPresent()) {
        clicked.accept(answer.get());
        answers.answer(
            p.getTeam().getId(),
            p.getUser().getId(),
            nudgeId.get(),
            answer.get(),
            p.getContainer().getChannelId(),
            p.getContainer().getMessageTs());
      }
    }
    return ctx.ack();
  }

  private static Optional<Long> id(String value) {
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
