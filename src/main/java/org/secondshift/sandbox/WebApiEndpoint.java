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

  WebApiEndpoint(
      Clock clock,
      WebApi api,
      FaultPlan faults,
      CallLog log,
      FileStore files,
      RateLimits limits,
      Set<String> revokedTokens,
      SlackRules.RefusedTokens refusedTokens) {
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
        .orElseGet(() -> api.answer(call));
  }
}
