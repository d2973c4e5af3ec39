package org.secondshift.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges, and hands to no listener, events that were not a person of the installing workspace
 * at work: posts by other apps and integrations (a {@code bot_id}, whatever the subtype), Slackbot,
 * and people from other organisations in Slack Connect channels (a {@code user_team} or {@code
 * team} that is not the installing team). Such people get no hour log, no summary line and no
 * nudge, so nothing about them is recorded.
 */
public final class PeopleOfThisWorkspace implements Middleware {
  static final String SLACKBOT = "USLACKBOT";
  private static final Logger log = LoggerFactory.getLogger(PeopleOfThisWorkspace.class);

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req instanceof EventRequest events) {
      Optional<String> why = notOurs(events.getRequestBodyAsString());
      if (why.isPresent()) {
        log.debug("ignored a {} event: {}", LogText.cap(events.getEventType()), why.get());
        return Response.ok();
      }
    }
    return chain.next(req);
  }

  /** Why the event is not a person of the installing workspace, or empty when it is. */
  static Optional<String> notOurs(String body) {
    JsonObject envelope = JsonParser.parseString(body).getAsJsonObject();
    JsonElement e = envelope.get("event");
    if (e == null || !e.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject event = e.getAsJsonObject();
    Boolean extShared =
        envelope.has("is_ext_shared_channel")
                && envelope.get("is_ext_shared_channel").isJsonPrimitive()
            ? envelope.get("is_ext_shared_channel").getAsBoolean()
            : null;
    return notOurs(
        text(event, "bot_id").orElse(null),
        text(event, "user").orElse(null),
        extShared,
        text(event, "user_team").or(() -> text(event, "team")).orElse(null),
        installingTeams(envelope));
  }

  /**
   * The same decision from the fields alone, blank ones counting as absent.
   *
   * @param extShared the envelope's {@code is_ext_shared_channel}, null when absent
   * @param authorTeam the event's {@code user_team}, else its {@code team}
   * @param ours the workspaces the event was delivered for (see {@link #installingTeams})
   */
  static Optional<String> notOurs(
      String botId, String user, Boolean extShared, String authorTeam, Set<String> ours) {
    if (!blank(botId)) {
      return Optional.of("posted by an app");
    }
    if (SLACKBOT.equals(user)) {
      return Optional.of("posted by Slackbot");
    }
    // Slack says when a channel is not shared with another organisation; a different team there is
    // a sibling workspace of the same Enterprise Grid org, one of ours.
    if (Boolean.FALSE.equals(extShared)) {
      return Optional.empty();
    }
    if (!blank(authorTeam) && !ours.isEmpty() && !ours.contains(authorTeam)) {
      return Optional.of("author from another organisation");
    }
    return Optional.empty();
  }

  /** The workspaces an event was delivered for, from its authorizations' teams or its team. */
  static Set<String> installingTeams(List<String> authorizationTeams, String teamId) {
    Set<String> teams = new HashSet<>();
    if (authorizationTeams != null) {
      authorizationTeams.stream().filter(t -> !blank(t)).forEach(teams::add);
    }
    if (teams.isEmpty() && !blank(teamId)) {
      teams.add(teamId);
    }
    return teams;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The workspaces the event was delivered for: those in {@code authorizations} when Slack lists
   * them (in a shared channel the envelope's {@code team_id} may name the author's side), else the
   * envelope's {@code team_id}.
   */
  private static Set<String> installingTeams(JsonObject envelope) {
    JsonElement auths = envelope.get("authorizations");
    List<String> teams = new ArrayList<>();
    if (auths != null && auths.isJsonArray()) {
      for (JsonElement a : (JsonArray) auths) {
        if (a.isJsonObject()) {
          text(a.getAsJsonObject(), "team_id").ifPresent(teams::add);
        }
      }
    }
    return installingTeams(teams, text(envelope, "team_id").orElse(null));
  }

  private static Optional<String> text(JsonObject o, String field) {
    JsonElement v = o.get(field);
    if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
      return Optional.empty();
    }
    String s = v.getAsString();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
