package org.secondshift.install;

import java.time.Instant;
import java.util.Objects;

/**
 * The bot installed in one workspace: who installed it, with which scopes, and its bot token (with
 * the refresh token and expiry when Slack rotates tokens). {@code toString} leaves the tokens out,
 * so an installation can be logged.
 *
 * @param enterpriseId the Enterprise Grid org the workspace belongs to, or null
 * @param refreshToken null unless token rotation is on
 * @param tokenExpiresAt null unless token rotation is on
 */
public record Installation(
    String teamId,
    String enterpriseId,
    String teamName,
    String appId,
    String botUserId,
    String botId,
    String scopes,
    String installerUserId,
    Instant installedAt,
    String botToken,
    String refreshToken,
    Instant tokenExpiresAt) {

  public Installation {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(botUserId, "botUserId");
    Objects.requireNonNull(installedAt, "installedAt");
    Objects.requireNonNull(botToken, "botToken");
  }

  public boolean rotates() {
    return refreshToken != null && tokenExpiresAt != null;
  }

  /** The same installation with a refreshed token. */
  public Installation withToken(String token, String refresh, Instant expiresAt) {
    return new Installation(
        teamId,
        enterpriseId,
        teamName,
        appId,
        botUserId,
        botId,
        scopes,
        installerUserId,
        installedAt,
        token,
        refresh,
        expiresAt);
  }

  @Override
  public String toString() {
    return "Installation[team="
        + teamId
        + (enterpriseId == null ? "" : ", enterprise=" + enterpriseId)
        + ", botUser="
        + botUserId
        + ", scopes="
        + scopes
        + ", installedAt="
        + installedAt
        + (rotates() ? ", token expires " + tokenExpiresAt : "")
        + "]";
  }
}
