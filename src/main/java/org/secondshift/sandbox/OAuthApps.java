package org.secondshift.sandbox;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's side of Slack's OAuth v2 flow for one distributed app: the authorize page (where
 * the stand-in's installer approves, cancels or picks the whole org, as a test arranges), the
 * one-time codes it hands back, and {@code oauth.v2.access} exchanging a code, or a refresh token
 * when token rotation is on, for a bot token of the chosen workspace. Every token it issues is tied
 * to its workspace, so calls made with it act in that workspace.
 *
 * <p>Slack's behaviour as documented at https://api.slack.com/authentication/oauth-v2 and
 * https://api.slack.com/methods/oauth.v2.access: the redirect carries {@code code} and {@code
 * state}, or {@code error=access_denied} and {@code state}; a code is good once and for ten minutes
 * ({@code invalid_code} otherwise); wrong credentials answer {@code invalid_client_id} or {@code
 * bad_client_secret}; rotating tokens come with {@code refresh_token} and {@code expires_in}
 * (43,200 s) and are renewed with {@code grant_type=refresh_token}
 * (https://api.slack.com/authentication/rotation).
 */
final class OAuthApps {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  static final long ROTATING_TOKEN_SECONDS = 43_200;

  /** What the person on Slack's authorize page does next. */
  record Approval(String teamId, String teamName, String installerId, Outcome outcome) {}

  enum Outcome {
    APPROVE,
    DENY,
    ORG_WIDE
  }

  private record Grant(Approval approval, String scope, Instant issuedAt) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTeams = new ConcurrentHashMap<>();
  private final Map<String, String> tokenTeams = new ConcurrentHashMap<>();
  private final Map<String, String> teamNames = new ConcurrentHashMap<>();
  private volatile String clientId;
  private volatile String clientSecret;
  private volatile URI redirectUri;
  private volatile boolean rotating;
  private volatile Approval next;

  OAuthApps(Clock clock) {
    this.clock = clock;
  }

  void register(String clientId, String clientSecret, URI redirectUri, boolean rotating) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    this.rotating = rotating;
  }

  void approveNext(Approval approval) {
    this.next = approval;
  }

  /** The workspace a token issued here acts in; empty for tokens not issued by this flow. */
  Optional<String> teamOf(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(tokenTeams.get(token));
  }

  Optional<String> teamName(String teamId) {
    return Optional.ofNullable(teamNames.get(teamId));
  }

  /** A bot token of {@code teamId}, as an install there would give. */
  String issueToken(String teamId, String teamName) {
    String token = "xoxb-" + teamId + "-" + secret(12);
    tokenTeams.put(token, teamId);
    teamNames.put(teamId, teamName);
    return token;
  }

  /** GET /oauth/v2/authorize: straight back to the app with a code, or with the refusal. */
  HttpReply authorize(String query) {
    Map<String, String> q = parse(query);
    if (clientId == null || !clientId.equals(q.get("client_id"))) {
      return HttpReply.text(400, "invalid_client_id: no app has that client_id");
    }
    URI back = q.containsKey("redirect_uri") ? URI.create(q.get("redirect_uri")) : redirectUri;
    if (back == null || (redirectUri != null && !back.equals(redirectUri))) {
      return HttpReply.text(400, "bad_redirect_uri: the redirect_uri is not one the app set up");
    }
    Approval approval = next;
    String state = q.getOrDefault("state", "");
    String target;
    if (approval != null && approval.outcome() == Outcome.DENY) {
      target = back + "?error=access_denied&state=" + enc(state);
    } else {
      String code = secret(16);
      codes.put(
          code,
          new Grant(
              approval != null
                  ? approval
                  : new Approval(
                      TeamDirectory.TEAM_ID,
                      TeamDirectory.TEAM_NAME,
                      "U0INSTALLER",
                      Outcome.APPROVE),
              q.getOrDefault("scope", ""),
              clock.instant()));
      target = back + "?code=" + enc(code) + "&state=" + enc(state);
    }
    return new HttpReply(302, "text/plain; charset=utf-8", new byte[0], Map.of("Location", target));
  }

  /** oauth.v2.access, by code or by refresh token. */
  JsonObject access(ApiCall call, String basicAuthorization) {
    String id = call.param("client_id");
    String secret = call.param("client_secret");
    if (basicAuthorization != null) {
      String[] pair = basicAuthorization.split(":", 2);
      id = pair[0];
      secret = pair.length > 1 ? pair[1] : null;
    }
    if (clientId == null || !clientId.equals(id)) {
      return WebApi.error("invalid_client_id");
    }
    if (!clientSecret.equals(secret)) {
      return WebApi.error("bad_client_secret");
    }
    if ("refresh_token".equals(call.param("grant_type"))) {
      String team = refreshTeams.get(String.valueOf(call.param("refresh_token")));
      if (team == null) {
        return WebApi.error("invalid_refresh_token");
      }
      JsonObject body = token(team, teamNames.getOrDefault(team, team), null, null);
      return body;
    }
    if (call.param("grant_type") != null
        && !"authorization_code".equals(call.param("grant_type"))) {
      return WebApi.error("invalid_grant_type");
    }
    Grant grant = call.param("code") == null ? null : codes.remove(call.param("code"));
    if (grant == null || clock.instant().isAfter(grant.issuedAt().plus(CODE_LIFETIME))) {
      return WebApi.error("invalid_code");
    }
    Approval a = grant.approval();
    if (a.outcome() == Outcome.ORG_WIDE) {
      JsonObject body = token(a.teamId(), a.teamName(), a.installerId(), grant.scope());
      body.add("team", JsonNull.INSTANCE);
      JsonObject enterprise = new JsonObject();
      enterprise.addProperty("id", "E0" + a.teamId());
      enterprise.addProperty("name", a.teamName() + " org");
      body.add("enterprise", enterprise);
      body.addProperty("is_enterprise_install", true);
      return body;
    }
    return token(a.teamId(), a.teamName(), a.installerId(), grant.scope());
  }

  private JsonObject token(String teamId, String teamName, String installerId, String scope) {
    JsonObject body = WebApi.ok();
    body.addProperty("access_token", issueToken(teamId, teamName));
    body.addProperty("token_type", "bot");
    if (scope != null) {
      body.addProperty("scope", scope);
    }
    body.addProperty("bot_user_id", TeamDirectory.botUserIdOf(teamId));
    body.addProperty("app_id", TeamDirectory.APP_ID);
    JsonObject team = new JsonObject();
    team.addProperty("id", teamId);
    team.addProperty("name", teamName);
    body.add("team", team);
    body.add("enterprise", JsonNull.INSTANCE);
    body.addProperty("is_enterprise_install", false);
    if (installerId != null) {
      JsonObject user = new JsonObject();
      user.addProperty("id", installerId);
      body.add("authed_user", user);
    }
    if (rotating) {
      String refresh = "xoxe-1-" + secret(16);
      refreshTeams.put(refresh, teamId);
      body.addProperty("refresh_token", refresh);
      body.addProperty("expires_in", ROTATING_TOKEN_SECONDS);
    }
    return body;
  }

  private String secret(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    StringBuilder out = new StringBuilder();
    for (byte x : b) {
      out.append(String.format("%02x", x));
    }
    return out.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, String> parse(String query) {
    Map<String, String> out = new HashMap<>();
    if (query == null) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
