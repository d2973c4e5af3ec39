package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.activity.ObservedMessage;
import org.secondshift.slack.MessagesTab;

/**
 * A plain message: in a channel, activity of its author; in someone's direct message with the bot,
 * a pointer to the commands. The text is discarded either way.
 */
public final class MessageListener implements BoltEventHandler<MessageEvent> {
  private final ActivityRecorder recorder;
  private final MessagesTab messagesTab;

  public MessageListener(ActivityRecorder recorder, MessagesTab messagesTab) {
    this.recorder = recorder;
    this.messagesTab = messagesTab;
  }

  @Override
  public Response apply(EventsApiPayload<MessageEvent> envelope, EventContext ctx) {
    MessageEvent m = envelope.getEvent();
    if ("im".equals(m.getChannelType())) {
      if (fromAPerson(m, ctx.getBotUserId()) && envelope.getTeamId() != null) {
        messagesTab.wrote(envelope.getTeamId(), m.getUser(), m.getChannel());
      }
      return ctx.ack();
    }
    ObservedMessage seen =
        new ObservedMessage(
            null, m.getUser(), m.getBotId(), m.getChannelType(), m.getTs(), m.getThreadTs());
    if (seen.isActivity()) {
      ActivityEvents.activity(envelope, m.getUser(), m.getChannel(), m.getTs(), seen.kind())
          .ifPresent(recorder::record);
    }
    return ctx.ack();
  }

  private static boolean fromAPerson(MessageEvent m, String botUserId) {
    return m.getUser() != null
        && !m.getUser().isBlank()
        && (m.getBotId() == null || m.getBotId().isBlank())
        && !m.getUser().equals(botUserId)
        && m.getChannel() != null
        && (m.getThreadTs() == null || m.getThreadTs().equals(m.getTs()));
  }
}
