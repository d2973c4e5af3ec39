package org.secondshift.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.UserChangeEvent;
import org.secondshift.slack.SlackZoneDirectory;

/** A profile changed: keep the person's time zone current so their days follow them. */
public final class UserChangeListener implements BoltEventHandler<UserChangeEvent> {
  private final SlackZoneDirectory zones;

  public UserChangeListener(SlackZoneDirectory zones) {
    this.zones = zones;
  }

  @Override
  public Response apply(EventsApiPayload<UserChangeEvent> envelope, EventContext ctx) {
    UserChangeEvent e = envelope.getEvent();
    if (e.getUser() != null && e.getUser().getId() != null && envelope.getTeamId() != null) {
      zones.remember(envelope.getTeamId(), e.getUser().getId(), e.getUser().getTz());
    }
    return ctx.ack();
  }
}
