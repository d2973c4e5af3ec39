package org.secondshift.sandbox;

import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How real Slack answers in the cases the bot must cope with, gathered in one place so the stand-in
 * holds the bot to Slack's behaviour rather than to our reading of it. Each rule names the Slack
 * document (API method page or SDK source) it follows.
 */
final class SlackRules {
  private SlackRules() {}

  /**
   * A token Slack does not accept (mistyped, revoked, of an uninstalled app) gets HTTP 200 with
   * {@code {"ok":false,"error":"invalid_auth"}} from every Web API method, {@code auth.test}
   * included. Source: https://api.slack.com/methods/auth.test, Errors: "invalid_auth — Some aspect
   * of authentication cannot be validated. Either the provided token is invalid or the request
   * originates from an IP address disallowed from making the request."
   */
  static final class RefusedTokens {
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** From now on {@code token} is one Slack does not know. */
    void refuse(String token) {
      refused.add(token);
    }

    /** Slack's answer to a call made with {@code token}, when Slack refuses it. */
    Optional<JsonObject> answer(String token) {
      return token != null && refused.contains(token)
          ? Optional.of(WebApi.error("invalid_auth"))
          : Optional.empty();
    }
  }
}
