package org.secondshift.slack;

import com.slack.api.methods.response.users.UsersInfoResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.secondshift.hours.ZoneLookup;
import org.secondshift.store.PersonStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's time zones from {@code users.info}, kept in memory and in the database.
 *
 * <p>A zone is re-read after a week; {@code user_change} events refresh it sooner.
 */
public final class SlackZoneDirectory implements ZoneLookup {
  static final Duration REFRESH_AFTER = Duration.ofDays(7);

  /** After a failed {@code users.info}, the person's zone is not asked for again this soon. */
  static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(5);

  /** At most this many recent failures are remembered; the oldest is forgotten first. */
  static final int FAILURES_KEPT = 10_000;

  private static final Logger log = LoggerFactory.getLogger(SlackZoneDirectory.class);

  private final TeamClients slack;
  private final PersonStore people;
  private final Executor background;
  private final Clock clock;
  private final Map<String, PersonStore.KnownZone> cache = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> overrides = new ConcurrentHashMap<>();
  private final Map<String, Instant> failedAt = boundedMap(FAILURES_KEPT);
  private final Map<String, CompletableFuture<ZoneId>> asking = new ConcurrentHashMap<>();

  public SlackZoneDirectory(
      TeamClients slack, PersonStore people, Executor background, Clock clock) {
    this.slack = slack;
    this.people = people;
    this.background = background;
    this.clock = clock;
  }

  @Override
  public ZoneId zoneOf(String teamId, String userId) {
    Optional<String> chosen =
        overrides.computeIfAbsent(key(teamId, userId), k -> people.zoneOverride(teamId, userId));
    if (chosen.isPresent()) {
      return parse(chosen.get());
    }
    return known(teamId, userId).map(z -> parse(z.zoneId())).orElseGet(() -> fetch(teamId, userId));
  }

  /**
   * The zone as far as it is known without asking Slack (for the request path): the person's choice
   * in settings, else the zone last seen, else UTC.
   */
  public ZoneId zoneWithoutAsking(String teamId, String userId) {
    String key = key(teamId, userId);
    Optional<String> chosen =
        overrides.computeIfAbsent(key, k -> people.zoneOverride(teamId, userId));
    if (chosen.isPresent()) {
      return parse(chosen.get());
    }
    PersonStore.KnownZone cached = cache.get(key);
    return cached != null ? parse(cached.zoneId()) : fallback(teamId, userId);
  }

  /**
   * The zone the person's Slack profile gave when last asked, whatever they chose in settings;
   * empty if Slack was never asked. Never calls Slack.
   */
  public Optional<ZoneId> slackZoneWithoutAsking(String teamId, String userId) {
    String key = key(teamId, userId);
    PersonStore.KnownZone cached = cache.get(key);
    Optional<PersonStore.KnownZone> known =
        cached != null ? Optional.of(cached) : people.zone(teamId, userId);
    return known.map(z -> parse(z.zoneId()));
  }

  /** Someone changed the zone they chose in settings; read it again next time. */
  public void forgetChoices() {
    overrides.clear();
  }

  /** Looks the zone up in the background if it is not known yet; never blocks. */
  public void prefetch(String teamId, String userId) {
    if (!cache.containsKey(key(teamId, userId))) {
      background.execute(
          () -> {
            try {
              zoneOf(teamId, userId);
            } catch (RuntimeException e) {
              log.warn(
                  "zone lookup failed for user {} in team {}: {}",
                  LogText.cap(userId),
                  LogText.cap(teamId),
                  LogText.cap(e.toString()));
            }
          });
    }
  }

  /**
   * Takes a zone Slack sent us unasked, e.g. in {@code user_change}. Slack sends that event for any
   * profile edit (a status, a photo), so the stored zone is only written when it differs; the
   * comparison is with the database, not this node's cache, which another instance may have
   * outdated.
   */
  public void remember(String teamId, String userId, String zoneId) {
    if (zoneId == null || zoneId.isBlank()) {
      return;
    }
    Optional<PersonStore.KnownZone> stored = people.zone(teamId, userId);
    if (stored.isPresent() && stored.get().zoneId().equals(zoneId)) {
      cache.put(key(teamId, userId), stored.get());
      return;
    }
    Instant now = clock.instant();
    people.saveZone(teamId, userId, zoneId, now);
    cache.put(key(teamId, userId), new PersonStore.KnownZone(zoneId, now));
  }

  private Optional<PersonStore.KnownZone> known(String teamId, String userId) {
    String key = key(teamId, userId);
    PersonStore.KnownZone zone = cache.get(key);
    if (zone == null) {
      zone = people.zone(teamId, userId).orElse(null);
      if (zone != null) {
        cache.put(key, zone);
      }
    }
    if (zone != null && zone.seenAt().plus(REFRESH_AFTER).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.ofNullable(zone);
  }

  /**
   * Asks Slack, unless it failed for this person a moment ago; people whose look-up fails are then
   * not asked again on each of their events. Look-ups of one person at once share one call.
   */
  private ZoneId fetch(String teamId, String userId) {
    String key = key(teamId, userId);
    if (failedLately(key)) {
      return fallback(teamId, userId);
    }
    CompletableFuture<ZoneId> mine = new CompletableFuture<>();
    CompletableFuture<ZoneId> theirs = asking.putIfAbsent(key, mine);
    if (theirs != null) {
      return theirs.join();
    }
    try {
      // A look-up that ended just before ours began has left its answer or failure behind.
      ZoneId zone =
          failedLately(key)
              ? fallback(teamId, userId)
              : known(teamId, userId)
                  .map(z -> parse(z.zoneId()))
                  .orElseGet(() -> ask(teamId, userId));
      mine.complete(zone);
      return zone;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      asking.remove(key, mine);
    }
  }

  private boolean failedLately(String key) {
    Instant failed;
    synchronized (failedAt) {
      failed = failedAt.get(key);
    }
    return failed != null && clock.instant().isBefore(failed.plus(RETRY_FAILED_AFTER));
  }

  private ZoneId ask(String teamId, String userId) {
    Instant asked = clock.instant();
    var client = slack.of(teamId);
    if (client.isEmpty()) {
      return fallback(teamId, userId);
    }
    try {
      UsersInfoResponse info = client.get().usersInfo(r -> r.user(userId));
      if (info.isOk() && info.getUser() != null && info.getUser().getTz() != null) {
        PersonStore.KnownZone known =
            people.saveZoneIfNewer(teamId, userId, info.getUser().getTz(), asked);
        // A user_change that came while Slack answered holds the newer zone: keep it.
        cache.merge(
            key(teamId, userId),
            known,
            (kept, answered) -> kept.seenAt().isBefore(answered.seenAt()) ? answered : kept);
        synchronized (failedAt) {
          failedAt.remove(key(teamId, userId));
        }
        return parse(known.zoneId());
      }
      log.warn(
          "users.info gave no zone for user {} in team {}: {}",
          LogText.cap(userId),
          LogText.cap(teamId),
          info.getError());
    } catch (Exception e) {
      log.warn(
          "users.info failed for user {} in team {}: {}",
          LogText.cap(userId),
          LogText.cap(teamId),
          LogText.cap(e.toString()));
    }
    synchronized (failedAt) {
      failedAt.put(key(teamId, userId), asked);
    }
    return fallback(teamId, userId);
  }

  /**
   * The zone to use while Slack cannot tell: a stale one beats none; UTC only when we never knew.
   */
  private ZoneId fallback(String teamId, String userId) {
    return people.zone(teamId, userId).map(z -> parse(z.zoneId())).orElse(ZoneOffset.UTC);
  }

  private static <V> Map<String, V> boundedMap(int max) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  private static ZoneId parse(String zoneId) {
    try {
      return ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String key(String teamId, String userId) {
    return teamId + "/" + userId;
  }
}
