package org.secondshift.sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The workspace's channels and who is in each, the bot included once someone invites it. */
final class ChannelDirectory {
  private final Map<String, Entry> channels = new HashMap<>();

  /** A channel as it is at one moment; {@code members} holds user ids, the bot's among them. */
  record Channel(String id, String name, boolean isPrivate, boolean archived, Set<String> members) {
    Channel {
      members = Set.copyOf(members);
    }

    boolean has(String userId) {
      return members.contains(userId);
    }
  }

  private static final class Entry {
    final String name;
    final boolean isPrivate;
    final Set<String> members = new HashSet<>();
    boolean archived;

    Entry(String name, boolean isPrivate) {
      this.name = name;
      this.isPrivate = isPrivate;
    }
  }

  synchronized void add(String id, String name, boolean isPrivate) {
    if (id == null || !(id.startsWith("C") || id.startsWith("G"))) {
      throw new IllegalArgumentException("a channel id starts with C (or G when private): " + id);
    }
    channels.putIfAbsent(id, new Entry(name, isPrivate));
  }

  synchronized void join(String id, String userId) {
    entry(id).members.add(userId);
  }

  synchronized void leave(String id, String userId) {
    entry(id).members.remove(userId);
  }

  synchronized void archive(String id) {
    entry(id).archived = true;
  }

  synchronized Optional<Channel> find(String id) {
    Entry e = id == null ? null : channels.get(id);
    return Optional.ofNullable(e).map(x -> snapshot(id, x));
  }

  synchronized List<Channel> all() {
    return channels.entrySet().stream()
        .map(e -> snapshot(e.getKey(), e.getValue()))
        .sorted(java.util.Comparator.comparing(Channel::name))
        .toList();
  }

  private Entry entry(String id) {
    Entry e = channels.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no channel " + id + " in the stand-in");
    }
    return e;
  }

  private static Channel snapshot(String id, Entry e) {
    return new Channel(id, e.name, e.isPrivate, e.archived, e.members);
  }
}
