package org.secondshift.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Channel histories of the sandbox workspace, keyed by Slack message timestamp. */
final class MessageStore {
  // Slack timestamps have microsecond precision; stepping by 100 leaves room and reads like Slack.
  private static final long TS_STEP_MICROS = 100;

  private final Clock clock;
  private final Map<String, Map<String, PostedMessage>> channels = new LinkedHashMap<>();
  private long lastTsMicros;

  MessageStore(Clock clock) {
    this.clock = clock;
  }

  synchronized PostedMessage post(String channel, String text, String blocksJson, String threadTs) {
    PostedMessage message = new PostedMessage(channel, nextTs(), text, blocksJson, threadTs);
    channels.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(message.ts(), message);
    return message;
  }

  /** A person's message, at {@code at} or (when null) now; seeded history may lie in the past. */
  synchronized PostedMessage postAs(String channel, String user, String text, Instant at) {
    String ts = at == null ? nextTs() : ts(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000);
    PostedMessage message = new PostedMessage(channel, ts, text, null, null, user);
    channels.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(message.ts(), message);
    return message;
  }

  synchronized Optional<PostedMessage> update(
      String channel, String ts, String text, String blocksJson) {
    Map<String, PostedMessage> history = channels.get(channel);
    if (history == null || ts == null || !history.containsKey(ts)) {
      return Optional.empty();
    }
    PostedMessage updated = history.get(ts).updatedWith(text, blocksJson);
    history.put(ts, updated);
    return Optional.of(updated);
  }

  synchronized List<PostedMessage> messages(String channel) {
    List<PostedMessage> list = new ArrayList<>(channels.getOrDefault(channel, Map.of()).values());
    list.sort(
        Comparator.comparing((PostedMessage m) -> m.ts().length())
            .thenComparing(PostedMessage::ts));
    return list;
  }

  /** Every message of every channel, and where the timestamps had got to. */
  synchronized List<PostedMessage> all() {
    List<PostedMessage> all = new ArrayList<>();
    channels.values().forEach(history -> all.addAll(history.values()));
    return all;
  }

  synchronized long lastTsMicros() {
    return lastTsMicros;
  }

  /** Puts back messages kept from before a restart; new ones get later timestamps. */
  synchronized void restore(List<PostedMessage> kept, long keptLastTsMicros) {
    for (PostedMessage m : kept) {
      channels.computeIfAbsent(m.channel(), c -> new LinkedHashMap<>()).put(m.ts(), m);
    }
    lastTsMicros = Math.max(lastTsMicros, keptLastTsMicros);
  }

  /** A fresh, strictly increasing timestamp that follows the clock when the clock moves on. */
  synchronized String nextTs() {
    Instant now = clock.instant();
    long clockMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    lastTsMicros = Math.max(clockMicros, lastTsMicros) + TS_STEP_MICROS;
    return ts(lastTsMicros);
  }

  private static String ts(long micros) {
    return "%d.%06d".formatted(micros / 1_000_000, micros % 1_000_000);
  }
}
