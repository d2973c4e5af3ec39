package org.secondshift.slack.listeners;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import org.secondshift.captain.Rotations;
import org.secondshift.captain.SetupResult;
import org.secondshift.hours.ZoneLookup;
import org.secondshift.slack.LogText;
import org.secondshift.slack.blocks.CaptainView;
import org.secondshift.slack.command.SetupArgs;
import org.secondshift.slack.command.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Replace button under a setup that would replace the channel's rotation: replaces it only if
 * it is still the one the button was shown for, so a second click changes nothing; the answer
 * replaces the question and its buttons.
 */
public final class RotationReplaceListener implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(RotationReplaceListener.class);

  private final Rotations rotations;
  private final ZoneLookup zones;
  private final EphemeralAnswers answers;
  private final Clock clock;

  public RotationReplaceListener(
      Rotations rotations, ZoneLookup zones, EphemeralAnswers answers, Clock clock) {
    this.rotations = rotations;
    this.zones = zones;
    this.answers = answers;
    this.clock = clock;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String team = p.getTeam().getId();
    String user = p.getUser().getId();
    String channel =
        p.getChannel() != null ? p.getChannel().getId() : p.getContainer().getChannelId();
    String value = p.getActions().get(0).getValue();
    try {
      int bar = value.indexOf('|');
      long existing = Long.parseLong(value.substring(0, bar));
      SetupArgs args =
          SetupArgs.parse(Arrays.asList(value.substring(bar + 1).trim().split("\\s+")));
      ZoneId zone = args.zone().orElseGet(() -> zones.zoneOf(team, user));
      SetupResult result =
          rotations.setup(
              team,
              channel,
              user,
              args.roster(),
              args.cadence(),
              args.at(),
              zone,
              clock.instant(),
              existing);
      answers.replace(ctx, team, user, CaptainView.setup(result, zone, ""));
    } catch (UsageException | IllegalArgumentException | IndexOutOfBoundsException e) {
      log.warn(
          "ignored a rotation replace click by {} in channel {} of team {}: {}",
          LogText.cap(user),
          LogText.cap(channel),
          LogText.cap(team),
          LogText.cap(e.getMessage()));
    }
    return ctx.ack();
  }
}
