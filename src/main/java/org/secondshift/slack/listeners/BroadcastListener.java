package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import org.secondshift.activity.ActivityKind;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.activity.ObservedMessage;

/** A thread reply also sent to the channel: activity as a thread reply. */
public final class BroadcastListener implements BoltEventHandler<MessageThreadBroadcastEvent> {
  private final ActivityRecorder recorder;

  public BroadcastListener(ActivityRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public Response apply(EventsApiPayload<MessageThreadBroadcastEvent> envelope, EventContext ctx) {
    MessageThreadBroadcastEvent m = envelope.getEvent();
    ObservedMessage seen =
        new ObservedMessage(
            m.getSubtype(), m.getUser(), null, m.getChannelType(), m.getTs(), m.getThreadTs());
    if (seen.isActivity()) {
      ActivityEvents.activity(
              envelope, m.getUser(), m.getChannel(), m.getTs(), ActivityKind.THREAD_REPLY)
          .ifPresent(recorder::record);
    }
    return ctx.ack();
  }
}
