package org.secondshift.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.secondshift.install.Installation;
import org.secondshift.install.TokenCipher;

/**
 * Installations of the bot, one per workspace, and the states of OAuth flows in progress. Tokens
 * are sealed by the {@link TokenCipher} on the way in and opened on the way out: the database only
 * ever holds them encrypted.
 */
public final class InstallationStore {
  private static final String SAVE =
      "INSERT INTO installation (team_id, enterprise_id, team_name, app_id, bot_user_id, bot_id,"
          + " scopes, installer_user_id, installed_at, bot_token, refresh_token, token_expires_at)"
          + " VALUES (:teamId, :enterpriseId, :teamName, :appId, :botUserId, :botId, :scopes,"
          + " :installer, :installedAt, :botToken, :refreshToken, :expiresAt)"
          + " ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id,"
          + " team_name = excluded.team_name, app_id = excluded.app_id,"
          + " bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id,"
          + " scopes = excluded.scopes, installer_user_id = excluded.installer_user_id,"
          + " installed_at = excluded.installed_at, bot_token = excluded.bot_token,"
          + " refresh_token = excluded.refresh_token, token_expires_at = excluded.token_expires_at";
  private static final String FIND = "SELECT * FROM installation WHERE team_id = :teamId";
  private static final String REPLACE_TOKEN =
      "UPDATE installation SET bot_token = :botToken, refresh_token = :refreshToken,"
          + " token_expires_at = :expiresAt WHERE team_id = :teamId"
          + " AND token_expires_at = :expected";
  private static final String COUNT = "SELECT COUNT(*) FROM installation";
  private static final String ADD_STATE =
      "INSERT INTO oauth_state (state, expires_at) VALUES (:state, :expiresAt)";
  private static final String HAS_STATE =
      "SELECT COUNT(*) FROM oauth_state WHERE state = :state AND expires_at > :now";
  private static final String TAKE_STATE = "DELETE FROM oauth_state WHERE state = :state";
  private static final String FORGET_OLD_STATES =
      "DELETE FROM oauth_state WHERE expires_at <= :now";

  private final Database db;
  private final TokenCipher cipher;

  public InstallationStore(Database db, TokenCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  /** Stores a new installation, or replaces the team's row when it installs again. */
  public void save(Installation i) {
    db.write(
        h ->
            h.createUpdate(SAVE)
                .bind("teamId", i.teamId())
                .bind("enterpriseId", i.enterpriseId())
                .bind("teamName", i.teamName())
                .bind("appId", i.appId())
                .bind("botUserId", i.botUserId())
                .bind("botId", i.botId())
                .bind("scopes", i.scopes())
                .bind("installer", i.installerUserId())
                .bind("installedAt", i.installedAt().toEpochMilli())
                .bind("botToken", cipher.seal(i.teamId(), i.botToken()))
                .bind("refreshToken", sealed(i.teamId(), i.refreshToken()))
                .bind("expiresAt", millis(i.tokenExpiresAt()))
                .execute());
  }

  public Optional<Installation> find(String teamId) {
    return db.read(
        h -> h.createQuery(FIND).bind("teamId", teamId).map((rs, ctx) -> row(rs)).findOne());
  }

  /**
   * Puts a refreshed token in place of the one that expires at {@code expected}; false when another
   * instance refreshed it first (its token then stands).
   */
  public boolean replaceToken(
      String teamId, Instant expected, String token, String refresh, Instant expiresAt) {
    return db.write(
            h ->
                h.createUpdate(REPLACE_TOKEN)
                    .bind("teamId", teamId)
                    .bind("expected", expected.toEpochMilli())
                    .bind("botToken", cipher.seal(teamId, token))
                    .bind("refreshToken", sealed(teamId, refresh))
                    .bind("expiresAt", millis(expiresAt))
                    .execute())
        == 1;
  }

  public long count() {
    return db.read(h -> h.createQuery(COUNT).mapTo(Long.class).one());
  }

  /** Remembers the state of an OAuth flow just begun, until {@code expiresAt}. */
  public void addState(String state, Instant expiresAt, Instant now) {
    db.write(
        h -> {
          h.createUpdate(FORGET_OLD_STATES).bind("now", now.toEpochMilli()).execute();
          return h.createUpdate(ADD_STATE)
              .bind("state", state)
              .bind("expiresAt", expiresAt.toEpochMilli())
              .execute();
        });
  }

  public boolean hasState(String state, Instant now) {
    return db.read(
            h ->
                h.createQuery(HAS_STATE)
                    .bind("state", state)
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one())
        > 0;
  }

  /** Uses the state up: a second callback with it finds nothing. */
  public void takeState(String state) {
    db.write(h -> h.createUpdate(TAKE_STATE).bind("state", state).execute());
  }

  private Installation row(ResultSet rs) throws SQLException {
    String team = rs.getString("team_id");
    return new Installation(
        team,
        rs.getString("enterprise_id"),
        rs.getString("team_name"),
        rs.getString("app_id"),
        rs.getString("bot_user_id"),
        rs.getString("bot_id"),
        rs.getString("scopes"),
        rs.getString("installer_user_id"),
        Instant.ofEpochMilli(rs.getLong("installed_at")),
        cipher.open(team, rs.getString("bot_token")),
        rs.getString("refresh_token") == null
            ? null
            : cipher.open(team, rs.getString("refresh_token")),
        rs.getObject("token_expires_at") == null
            ? null
            : Instant.ofEpochMilli(rs.getLong("token_expires_at")));
  }

  private String sealed(String teamId, String token) {
    return token == null ? null : cipher.seal(teamId, token);
  }

  private static Long millis(Instant at) {
    return at == null ? null : at.toEpochMilli();
  }
}
