package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import org.secondshift.slack.home.HomePublisher;

/** Someone opened the bot's Home tab: publish a fresh one for them, after the ack. */
public final class AppHomeOpenedListener implements BoltEventHandler<AppHomeOpenedEvent> {
  private final HomePublisher home;

  public AppHomeOpenedListener(HomePublisher home) {
    this.home = home;
  }

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> envelope, EventContext ctx) {
    AppHomeOpenedEvent e = envelope.getEvent();
    if ("home".equals(e.getTab()) && e.getUser() != null && envelope.getTeamId() != null) {
      home.refresh(envelope.getTeamId(), e.getUser());
    }
    return ctx.ack();
  }
}
