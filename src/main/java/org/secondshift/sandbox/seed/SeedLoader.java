package org.secondshift.sandbox.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import org.secondshift.Bot;
import org.secondshift.activity.Activity;
import org.secondshift.activity.ActivityKind;
import org.secondshift.activity.ActivityLog;
import org.secondshift.sandbox.SlackStandIn;
import org.secondshift.store.Database;
import org.secondshift.store.PersonStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a {@link Seed} into the stand-in (people, a few messages) and into the bot's database
 * (zones and the activity history, through the same activity log the listeners use); once the bot
 * is built, hands the feature sections to their appliers.
 */
public final class SeedLoader {
  private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

  private final SeedAppliers appliers;

  public SeedLoader(SeedAppliers appliers) {
    this.appliers = appliers;
  }

  /**
   * Puts the people (with their zones at {@code now}), the channels with their members (the bot
   * where it was invited) and the seeded messages into the stand-in.
   */
  public void seedStandIn(Seed seed, SlackStandIn slack, Instant now) {
    seedPeopleAndChannels(seed, slack, now);
    seedMessages(seed, slack, now);
  }

  /** The people and channels alone, for a stand-in whose messages are put back from before. */
  public void seedPeopleAndChannels(Seed seed, SlackStandIn slack, Instant now) {
    Map<String, ZoneId> zones = seed.zones(now);
    for (Teammate t : seed.teammates()) {
      slack.addUser(t.id(), t.name(), zones.get(t.id()).getId());
    }
    for (SeedChannel c : seed.channels()) {
      slack.addChannel(c.id(), c.name());
      c.members().forEach(member -> slack.invite(c.id(), member));
      if (c.botIsMember()) {
        slack.invite(c.id(), slack.botUserId());
      }
    }
  }

  private static void seedMessages(Seed seed, SlackStandIn slack, Instant now) {
    seed.messages().stream()
        .sorted(Comparator.comparing(SeedMessage::minutesAgo).reversed())
        .forEach(
            m ->
                slack.postAs(
                    m.channel(),
                    m.user(),
                    m.text(),
                    now.minus(Duration.ofMinutes(m.minutesAgo()))));
  }

  /**
   * Writes zones and the activity history as of {@code now} into the database, before the bot opens
   * it; returns how many activities went into the log.
   */
  public int seedDatabase(
      Seed seed, SlackStandIn slack, Database db, ActivityLog activity, Instant now) {
    Map<String, ZoneId> zones = seed.zones(now);
    PersonStore people = new PersonStore(db);
    for (Teammate t : seed.teammates()) {
      people.saveZone(slack.teamId(), t.id(), zones.get(t.id()).getId(), now);
    }
    int recorded = 0;
    for (HistoryPattern pattern : seed.history()) {
      for (Instant at : pattern.instants(zones.get(pattern.user()), now)) {
        String eventId =
            "seed:" + pattern.user() + ":" + pattern.channel() + ":" + at.toEpochMilli();
        if (activity.record(
            new Activity(
                eventId,
                slack.teamId(),
                pattern.user(),
                pattern.channel(),
                at,
                ActivityKind.MESSAGE))) {
          recorded++;
        }
      }
    }
    log.info(
        "sandbox seed loaded: {} teammates, {} channels, {} activities",
        seed.teammates().size(),
        seed.channels().size(),
        recorded);
    return recorded;
  }

  /**
   * Hands the feature sections to their appliers, settings first: a vacation or a choice to share
   * is already known when the rotation plans its shifts and the summary names people.
   */
  public void applySections(Seed seed, Bot.Parts bot, String teamId, Instant now) {
    SeedContext context = new SeedContext(bot, teamId, now, seed.zones(now));
    appliers.settings().apply(seed.settings(), context);
    appliers.rotations().apply(seed.rotations(), context);
    appliers.summaries().apply(seed.summaries(), context);
    log.info(
        "sandbox seed applied: {} settings, {} rotations, {} summaries",
        seed.settings().size(),
        seed.rotations().size(),
        seed.summaries().size());
  }
}
