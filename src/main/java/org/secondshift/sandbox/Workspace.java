package org.secondshift.sandbox;

import java.time.Clock;
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

  Ephemeral addEphemeral(String channel, String user, String text, String blocksJson) {
    return slack.showEphemeral(channel, user, text, blocksJson);
  }

  /** What Slack itself answers one person, such as an unknown command, from Slackbot. */
  Ephemeral addSlackNotice(String channel, String user, String text) {
    return slack.showSlackNotice(channel, user, text);
  }

  List<Ephemeral> ephemerals(String channel, String user) {
    return slack.ephemerals(channel, user);
  }

  Optional<Ephemeral> ephemeral(String channel, String user, String ts) {
    return ephemerals(channel, user).stream().filter(e -> e.ts().equals(ts)).findFirst();
  }

  /** The newest modal opened for the person and not yet submitted or closed. */
  synchronized Optional<String> openModal(String userId) {
    List<OpenedView> opened = slack.openedViews();
    for (int i = opened.size() - 1; i >= 0; i--) {
      OpenedView v = opened.get(i);
      if (userId.equals(TriggerIds.userOfTrigger(v.triggerId()))
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
