package org.secondshift.config;

import java.net.URI;
import java.util.Objects;

/**
 * What the bot needs to be installed by many workspaces through Slack's OAuth flow, instead of
 * serving one with a bot token from the environment. {@code toString} names no secret.
 *
 * @param tokenKey the AES-256 key that seals the workspaces' tokens in the database
 * @param redirectUri the OAuth redirect URL registered with the app, or null for the one Slack has
 * @param authorizeUrl where installers are sent to approve the app: Slack's, or a stand-in's
 */
public record Distribution(
    String clientId, String clientSecret, byte[] tokenKey, URI redirectUri, URI authorizeUrl) {

  public static final URI SLACK_AUTHORIZE = URI.create("https://slack.com/oauth/v2/authorize");

  public Distribution {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(tokenKey, "tokenKey");
    Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    tokenKey = tokenKey.clone();
  }

  @Override
  public byte[] tokenKey() {
    return tokenKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Distribution d
        && clientId.equals(d.clientId)
        && clientSecret.equals(d.clientSecret)
        && java.util.Arrays.equals(tokenKey, d.tokenKey)
        && Objects.equals(redirectUri, d.redirectUri)
        && authorizeUrl.equals(d.authorizeUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientId, redirectUri, authorizeUrl);
  }

  @Override
  public String toString() {
    return "Distribution[clientId="
        + clientId
        + (redirectUri == null ? "" : ", redirectUri=" + redirectUri)
        + "]";
  }
}
