package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageMeEvent;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.activity.ObservedMessage;

/**
 * A {@code /me} message in a channel: Bolt routes it by its subtype, away from the plain message
 * listener, yet a person wrote it, so it is activity like any message.
 */
public final class MeMessageListener implements BoltEventHandler<MessageMeEvent> {
  private final ActivityRecorder recorder;

  public MeMessageListener(ActivityRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public Response apply(EventsApiPayload<MessageMeEvent> envelope, EventContext ctx) {
    MessageMeEvent m = envelope.getEvent();
    ObservedMessage seen =
        new ObservedMessage(
            m.getSubtype(), m.getUser(), m.getBotId(), m.getChannelType(), m.getTs(), null);
    if (seen.isActivity()) {
      ActivityEvents.activity(envelope, m.getUser(), m.getChannel(), m.getTs(), seen.kind())
          .ifPresent(recorder::record);
    }
    return ctx.ack();
  }
}
