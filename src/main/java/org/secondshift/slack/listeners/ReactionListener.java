package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ReactionAddedEvent;
import org.secondshift.activity.ActivityKind;
import org.secondshift.activity.ActivityRecorder;

/** A reaction in a channel: activity of whoever reacted; which emoji is not kept. */
public final class ReactionListener implements BoltEventHandler<ReactionAddedEvent> {
  private final ActivityRecorder recorder;

  public ReactionListener(ActivityRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public Response apply(EventsApiPayload<ReactionAddedEvent> envelope, EventContext ctx) {
    ReactionAddedEvent r = envelope.getEvent();
    String channel = r.getItem() == null ? null : r.getItem().getChannel();
    // Reactions in direct messages with the bot are answers to it, not work in a channel.
    if (channel != null && !channel.startsWith("D")) {
      ActivityEvents.activity(envelope, r.getUser(), channel, r.getEventTs(), ActivityKind.REACTION)
          .ifPresent(recorder::record);
    }
    return ctx.ack();
  }
}
