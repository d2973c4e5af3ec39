package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.activity.ObservedMessage;

/** A plain message or thread reply in a channel: activity of its author, text discarded. */
public final class MessageListener implements BoltEventHandler<MessageEvent> {
  private final ActivityRecorder recorder;

  public MessageListener(ActivityRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public Response apply(EventsApiPayload<MessageEvent> envelope, EventContext ctx) {
    MessageEvent m = envelope.getEvent();
    ObservedMessage seen =
        new ObservedMessage(
            null, m.getUser(), m.getBotId(), m.getChannelType(), m.getTs(), m.getThreadTs());
    if (seen.isActivity()) {
      ActivityEvents.activity(envelope, m.getUser(), m.getChannel(), m.getTs(), seen.kind())
          .ifPresent(recorder::record);
    }
    return ctx.ack();
  }
}
