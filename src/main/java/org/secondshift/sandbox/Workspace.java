package org.secondshift.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.secondshift.sandbox.seed.Seed;

/**
 * The workspace the page shows: the stand-in's people and messages, the seeded channels, and what
 * only the page needs to remember (ephemeral replies, which modals are still open).
 */
final class Workspace {
  private final SlackStandIn slack;
  private final Seed seed;
  private final Clock clock;
  private final int generation;
  private final List<Ephemeral> ephemerals = new ArrayList<>();
  private final Set<String> closedViews = new HashSet<>();

  Workspace(SlackStandIn slack, Seed seed, Clock clock, int generation) {
    this.slack = slack;
    this.seed = seed;
    this.clock = clock;
    this.generation = generation;
  }

  SlackStandIn slack() {
    return slack;
  }

  Seed seed() {
    return seed;
  }

  int generation() {
    return generation;
  }

  Optional<SandboxUser> person(String userId) {
    return slack.people().stream().filter(p -> p.id().equals(userId)).findFirst();
  }

  synchronized void addEphemeral(String channel, String user, String text, String blocksJson) {
    Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 + ephemerals.size();
    String ts = "%d.%06d".formatted(micros / 1_000_000, micros % 1_000_000);
    ephemerals.add(new Ephemeral(channel, user, ts, text, blocksJson));
  }

  synchronized List<Ephemeral> ephemerals(String channel, String user) {
    return ephemerals.stream()
        .filter(e -> e.channel().equals(channel) && e.user().equals(user))
        .toList();
  }

  /** The newest modal opened for the person and not yet submitted or closed. */
  synchronized Optional<String> openModal(String userId) {
    List<OpenedView> opened = slack.openedViews();
    for (int i = opened.size() - 1; i >= 0; i--) {
      OpenedView v = opened.get(i);
      if (userId.equals(SlackPayloads.userOfTrigger(v.triggerId()))
          && !closedViews.contains(v.viewId())) {
        return slack.view(v.viewId());
      }
    }
    return Optional.empty();
  }

  synchronized void closeModal(String viewId) {
    closedViews.add(viewId);
  }
}
