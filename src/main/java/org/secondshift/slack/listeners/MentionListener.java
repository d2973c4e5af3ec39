package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import org.secondshift.activity.ActivityKind;
import org.secondshift.activity.ActivityRecorder;

/** Someone mentioned the bot: activity of the author, text discarded. */
public final class MentionListener implements BoltEventHandler<AppMentionEvent> {
  private final ActivityRecorder recorder;

  public MentionListener(ActivityRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> envelope, EventContext ctx) {
    AppMentionEvent m = envelope.getEvent();
    if (m.getBotId() == null) {
      ActivityEvents.activity(
              envelope, m.getUser(), m.getChannel(), m.getTs(), ActivityKind.MENTION)
          .ifPresent(recorder::record);
    }
    return ctx.ack();
  }
}
