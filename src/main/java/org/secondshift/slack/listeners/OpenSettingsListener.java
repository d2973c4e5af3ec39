package org.secondshift.slack.listeners;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.secondshift.slack.LogText;
import org.secondshift.slack.SlackZoneDirectory;
import org.secondshift.slack.home.PersonalSettings;
import org.secondshift.slack.home.SettingsModal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings button on Home: opens the modal at once, because its trigger lasts three seconds;
 * the call runs on an executor of its own, so work queued on the shared background threads cannot
 * delay it past that.
 */
public final class OpenSettingsListener implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(OpenSettingsListener.class);

  /** Slack's answer when the trigger's three seconds ran out before views.open reached it. */
  private static final String EXPIRED_TRIGGER = "expired_trigger_id";

  private final PersonalSettings settings;
  private final SlackZoneDirectory zones;
  private final Executor modals;
  private final Clock clock;

  public OpenSettingsListener(
      PersonalSettings settings, SlackZoneDirectory zones, Executor modals, Clock clock) {
    this.settings = settings;
    this.zones = zones;
    this.modals = modals;
    this.clock = clock;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    String team = req.getPayload().getTeam().getId();
    String user = req.getPayload().getUser().getId();
    String trigger = req.getPayload().getTriggerId();
    var choices = settings.of(team, user);
    // What Slack said last, never a call to Slack: the trigger's three seconds are for views.open.
    Optional<ZoneId> slackZone = zones.slackZoneWithoutAsking(team, user);
    Instant now = clock.instant();
    modals.execute(
        () -> {
          try {
            var r =
                ctx.client()
                    .viewsOpen(
                        v -> v.triggerId(trigger).view(SettingsModal.of(choices, slackZone, now)));
            if (EXPIRED_TRIGGER.equals(r.getError())) {
              // Nothing can reopen it: only a new click brings a new trigger. A Home click has no
              // response_url to tell the person so, hence the log.
              log.warn(
                  "views.open for user {} came after the click's trigger expired; the modal did"
                      + " not open and the person has to click Settings again",
                  LogText.cap(user));
            } else if (!r.isOk()) {
              log.warn("views.open for user {} failed: {}", LogText.cap(user), r.getError());
            }
          } catch (Exception e) {
            log.warn(
                "could not open settings for user {}: {}",
                LogText.cap(user),
                LogText.cap(e.toString()));
          }
        });
    return ctx.ack();
  }
}
