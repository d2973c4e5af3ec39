package org.secondshift.slack.install;

import com.slack.api.Slack;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.secondshift.config.Distribution;
import org.secondshift.install.Installation;
import org.secondshift.slack.LogText;
import org.secondshift.slack.TeamClients;
import org.secondshift.store.InstallationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspaces the bot is installed in, as every part of the bot asks for them: a short-lived
 * cache in front of the {@link InstallationStore}, so an event costs no database read for its
 * token, and the place where rotating tokens are refreshed before they expire. Refreshing is a
 * conditional update: when two instances refresh at once, the first one's token stands and the
 * other takes it from the database.
 */
public final class Installations implements TeamClients.Tokens {
  /** How long an instance trusts what it read: another instance's reinstall shows within this. */
  static final Duration KEEP = Duration.ofSeconds(60);

  /** A rotating token is refreshed once it has less than this left (Slack's live 12 hours). */
  static final Duration REFRESH_BEFORE = Duration.ofHours(2);

  private static final Logger log = LoggerFactory.getLogger(Installations.class);

  private record Known(Optional<Installation> installation, Instant readAt) {}

  private final InstallationStore store;
  private final Slack slack;
  private final Distribution app;
  private final Clock clock;
  private final Map<String, Known> cache = new ConcurrentHashMap<>();

  public Installations(InstallationStore store, Slack slack, Distribution app, Clock clock) {
    this.store = store;
    this.slack = slack;
    this.app = app;
    this.clock = clock;
  }

  /** The team's installation, its token fresh; empty when the bot is not installed there. */
  public Optional<Installation> find(String teamId) {
    if (teamId == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Known known = cache.get(teamId);
    if (known == null || !now.isBefore(known.readAt().plus(KEEP)) || now.isBefore(known.readAt())) {
      known = new Known(store.find(teamId), now);
      cache.put(teamId, known);
    }
    Optional<Installation> found = known.installation();
    if (found.isPresent() && expiresSoon(found.get(), now)) {
      found = Optional.of(refreshed(found.get(), now));
    }
    return found;
  }

  @Override
  public Optional<String> botToken(String teamId) {
    return find(teamId).map(Installation::botToken);
  }

  /** Stores a new or renewed installation; this instance uses it at once. */
  public void save(Installation installation) {
    store.save(installation);
    cache.put(installation.teamId(), new Known(Optional.of(installation), clock.instant()));
  }

  /** The team was uninstalled: nothing more is sent there from this instance. */
  public void forget(String teamId) {
    cache.put(teamId, new Known(Optional.empty(), clock.instant()));
  }

  /** Slack refused the team's token: read the installation again before the next use. */
  public void doubt(String teamId) {
    cache.remove(teamId);
  }

  private static boolean expiresSoon(Installation i, Instant now) {
    return i.rotates() && !now.isBefore(i.tokenExpiresAt().minus(REFRESH_BEFORE));
  }

  private Installation refreshed(Installation old, Instant now) {
    // Another instance may have refreshed it already.
    Optional<Installation> stored = store.find(old.teamId());
    if (stored.isEmpty()) {
      forget(old.teamId());
      return old;
    }
    if (!expiresSoon(stored.get(), now)) {
      cache.put(old.teamId(), new Known(stored, now));
      return stored.get();
    }
    Installation current = stored.get();
    try {
      OAuthV2AccessResponse r =
          slack
              .methods()
              .oauthV2Access(
                  q ->
                      q.clientId(app.clientId())
                          .clientSecret(app.clientSecret())
                          .grantType("refresh_token")
                          .refreshToken(current.refreshToken()));
      if (!r.isOk() || r.getAccessToken() == null || r.getExpiresIn() == null) {
        log.warn(
            "could not refresh the bot token of team {}: {}",
            LogText.cap(old.teamId()),
            r.getError());
        return current;
      }
      Instant expiresAt = now.plusSeconds(r.getExpiresIn());
      String refresh = r.getRefreshToken() != null ? r.getRefreshToken() : current.refreshToken();
      Installation renewed = current.withToken(r.getAccessToken(), refresh, expiresAt);
      if (store.replaceToken(
          current.teamId(), current.tokenExpiresAt(), r.getAccessToken(), refresh, expiresAt)) {
        log.info("refreshed the bot token of team {}; it expires {}", old.teamId(), expiresAt);
        cache.put(old.teamId(), new Known(Optional.of(renewed), now));
        return renewed;
      }
      // Another instance refreshed meanwhile: its token is the one in the database.
      Optional<Installation> theirs = store.find(old.teamId());
      cache.put(old.teamId(), new Known(theirs, now));
      return theirs.orElse(current);
    } catch (Exception e) {
      log.warn(
          "could not refresh the bot token of team {}: {}",
          LogText.cap(old.teamId()),
          LogText.cap(e.toString()));
      return current;
    }
  }
}
