package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageFileShareEvent;
import org.secondshift.activity.ActivityRecorder;
import org.secondshift.activity.ObservedMessage;

/** A file someone shared in a channel: activity like any message. */
public final class SharedMessageListener implements BoltEventHandler<MessageFileShareEvent> {
  private final ActivityRecorder recorder;

  public SharedMessageListener(ActivityRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public Response apply(EventsApiPayload<MessageFileShareEvent> envelope, EventContext ctx) {
    MessageFileShareEvent m = envelope.getEvent();
    // A file posted by an integration on someone's behalf is flagged display_as_bot.
    String botMarker = Boolean.TRUE.equals(m.getDisplayAsBot()) ? "display_as_bot" : null;
    ObservedMessage seen =
        new ObservedMessage(
            m.getSubtype(), m.getUser(), botMarker, m.getChannelType(), m.getTs(), m.getThreadTs());
    if (seen.isActivity()) {
      ActivityEvents.activity(envelope, m.getUser(), m.getChannel(), m.getTs(), seen.kind())
          .ifPresent(recorder::record);
    }
    return ctx.ack();
  }
}
