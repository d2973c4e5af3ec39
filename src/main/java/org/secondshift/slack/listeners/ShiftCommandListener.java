package org.secondshift.slack.listeners;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.secondshift.slack.command.Reply;
import org.secondshift.slack.command.ShiftCommands;

/** {@code /shift ...}: answered in the acknowledgement, visible only to the caller. */
public final class ShiftCommandListener implements SlashCommandHandler {
  private final ShiftCommands commands;

  public ShiftCommandListener(ShiftCommands commands) {
    this.commands = commands;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    SlashCommandPayload p = req.getPayload();
    Reply reply =
        commands.handle(
            p.getTeamId(), p.getUserId(), p.getChannelId(), p.getChannelName(), p.getText());
    return ctx.ack(
        r ->
            r.responseType("ephemeral")
                .text(reply.text())
                .blocks(reply.blocks().isEmpty() ? null : reply.blocks()));
  }
}
