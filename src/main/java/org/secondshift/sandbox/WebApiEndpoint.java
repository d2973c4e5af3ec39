package org.secondshift.sandbox;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies Slack's request rules (auth, queued faults, recording) around the Web API methods. */
final class WebApiEndpoint {
  private final Clock clock;
  private final WebApi api;
  private final FaultPlan faults;
  private final CallLog log;
  private final FileStore files;
  private final RateLimits limits;
  private final Set<String> revokedTokens;
  private final SlackRules.RefusedTokens refusedTokens;
  private final OAuthApps oauth;
  private final TeamDirectory directory;
  private final Map<String, SlackStandIn.TeamLimit> teamLimits;

  WebApiEndpoint(
      Clock clock,
      WebApi api,
      FaultPlan faults,
      CallLog log,
      FileStore files,
      RateLimits limits,
      Set<String> revokedTokens,
      SlackRules.RefusedTokens refusedTokens,
      OAuthApps oauth,
      TeamDirectory directory,
      Map<String, SlackStandIn.TeamLimit> teamLimits) {
    this.oauth = oauth;
    this.directory = directory;
    this.teamLimits = teamLimits;
    this.clock = clock;
    this.api = api;
    this.faults = faults;
    this.log = log;
    this.files = files;
    this.limits = limits;
    this.revokedTokens = revokedTokens;
    this.refusedTokens = refusedTokens;
  }

  HttpReply call(
      String method, String contentType, String query, String authorization, byte[] body) {
    Instant at = clock.instant();
    Map<String, String> params;
    try {
      params = RequestParser.parse(contentType, query, body);
    } catch (RequestParser.MalformedRequestException e) {
      return HttpReply.text(400, e.getMessage());
    }
    String token =
        Optional.ofNullable(RequestParser.bearerToken(authorization)).orElse(params.get("token"));
    ApiCall call = new ApiCall(method, params, token == null || token.isBlank() ? null : token);
    if (method.equals("oauth.v2.access")) {
      // Called with the app's credentials (HTTP Basic), not with a token.
      return recorded(
          call,
          at,
          false,
          HttpReply.json(oauth.access(call, RequestParser.basicCredentials(authorization))));
    }
    Optional<SlackStandIn.TeamLimit> teamLimit =
        oauth.teamOf(call.token()).map(teamLimits::get).filter(l -> l.left().getAndDecrement() > 0);
    if (teamLimit.isPresent()) {
      return recorded(call, at, true, HttpReply.rateLimited(teamLimit.get().retryAfterSeconds()));
    }
    faults.awaitRelease(method);
    Optional<FaultPlan.Fault> fault = faults.take(method);
    if (fault.isPresent() && fault.get().isRateLimit()) {
      return recorded(call, at, true, HttpReply.rateLimited(fault.get().retryAfterSeconds()));
    }
    java.util.OptionalLong wait = limits.admit(method, params.get("channel"));
    if (wait.isPresent()) {
      return recorded(call, at, true, HttpReply.rateLimited((int) wait.getAsLong()));
    }
    // Record after answering so that a waiting test sees the workspace already changed.
    JsonObject answer = fault.map(f -> WebApi.error(f.error())).orElseGet(() -> answer(call));
    return recorded(call, at, false, HttpReply.json(answer));
  }

  private HttpReply recorded(ApiCall call, Instant at, boolean rateLimited, HttpReply reply) {
    log.record(
        new RecordedCall(
            call.method(), call.params(), call.token(), at, rateLimited, reply.bodyText()));
    return reply;
  }

  HttpReply upload(String fileId, String contentType, byte[] body) {
    byte[] bytes =
        MultipartBody.isMultipart(contentType)
            ? MultipartBody.fileContent(contentType, body)
            : body;
    return files.receive(fileId, bytes)
        ? HttpReply.text(200, "OK - " + bytes.length)
        : HttpReply.text(404, "file_not_found");
  }

  private JsonObject answer(ApiCall call) {
    return SlackRules.tokenError(call.token(), revokedTokens)
        .map(WebApi::error)
        .or(() -> refusedTokens.answer(call.token()))
        .or(() -> otherWorkspace(call))
        .orElseGet(
            () -> {
              if (call.method().equals("auth.revoke")) {
                // https://api.slack.com/methods/auth.revoke: the token stops working at once.
                revokedTokens.add(call.token());
                JsonObject body = WebApi.ok();
                body.addProperty("revoked", true);
                return body;
              }
              return api.answer(call);
            });
  }

  /**
   * A token acts in its own workspace only: a person of another one is not found there, as Slack
   * answers {@code user_not_found} (users.info, dnd.info, views.publish) or {@code
   * channel_not_found} (chat.postMessage, conversations.open).
   */
  private Optional<JsonObject> otherWorkspace(ApiCall call) {
    Optional<String> team = oauth.teamOf(call.token());
    if (team.isEmpty()) {
      return Optional.empty();
    }
    for (String name : new String[] {"user", "channel", "users"}) {
      String value = call.param(name);
      if (value != null
          && (value.startsWith("U") || value.startsWith("W"))
          && !directory.teamOf(value).equals(team.get())
          && !value.equals(TeamDirectory.botUserIdOf(team.get()))) {
        boolean channel =
            call.method().startsWith("chat.") || call.method().startsWith("conversations.");
        return Optional.of(WebApi.error(channel ? "channel_not_found" : "user_not_found"));
      }
    }
    return Optional.empty();
  }
}
