package org.secondshift.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionMergeOrderTest {

  private static final Instant T0 = Instant.parse("2026-03-07T20:00:00Z");
  private static final SessionRules RULES = SessionRules.defaults();
  private static final int SHUFFLES = 40;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 7, 42, 99, 1234, 20260308, 31337, 777777})
  void endsWithTheBatchSessionsWhateverOrderActivityArrivesIn(long seed) {
    Random random = new Random(seed);
    List<Instant> instants = instants(random);
    List<WorkSession> expected = batch(instants);

    for (int i = 0; i < SHUFFLES; i++) {
      List<Instant> order = new ArrayList<>(instants);
      Collections.shuffle(order, random);
      assertThat(stored(order)).as("shuffle %d of seed %d", i, seed).isEqualTo(expected);
    }
  }

  // Spacings cluster around the gap so that exactly-gap, just-under and bridging cases all occur;
  // zero spacing and replayed instants stand in for duplicates and retries.
  private static List<Instant> instants(Random random) {
    long[] spacingsSeconds = {0, 1, 60, 600, 1799, 1800, 1801, 2400, 3600};
    List<Instant> result = new ArrayList<>();
    Instant at = T0;
    int count = 30 + random.nextInt(40);
    for (int i = 0; i < count; i++) {
      at = at.plusSeconds(spacingsSeconds[random.nextInt(spacingsSeconds.length)]);
      result.add(at);
    }
    for (int i = 0; i < 5; i++) {
      result.add(result.get(random.nextInt(result.size())));
    }
    return result;
  }

  /** The reference answer: sort and split wherever consecutive activity is at least a gap apart. */
  private static List<WorkSession> batch(List<Instant> instants) {
    List<Instant> sorted = instants.stream().sorted().toList();
    List<WorkSession> result = new ArrayList<>();
    Instant start = sorted.get(0);
    Instant last = start;
    for (Instant at : sorted.subList(1, sorted.size())) {
      if (Duration.between(last, at).compareTo(RULES.gap()) >= 0) {
        result.add(new WorkSession(0, start, last, SessionSource.ACTIVITY));
        start = at;
      }
      last = at;
    }
    result.add(new WorkSession(0, start, last, SessionSource.ACTIVITY));
    return result;
  }

  /**
   * Feeds activity through absorb against an in-memory store; returns sessions with ids cleared.
   */
  private static List<WorkSession> stored(List<Instant> order) {
    InMemoryStore store = new InMemoryStore();
    for (Instant at : order) {
      store.apply(SessionMerge.absorb(store.nearby(at), at, RULES));
    }
    return store.sessions.stream()
        .map(s -> s.withId(0))
        .sorted(Comparator.comparing(WorkSession::start))
        .toList();
  }

  private static final class InMemoryStore {
    private final List<WorkSession> sessions = new ArrayList<>();
    private long nextId = 1;

    List<WorkSession> nearby(Instant at) {
      return sessions.stream()
          .filter(s -> s.start().minus(RULES.gap()).isBefore(at))
          .filter(s -> at.isBefore(s.last().plus(RULES.gap())))
          .toList();
    }

    void apply(Merge merge) {
      if (!merge.changed()) {
        return;
      }
      sessions.removeIf(s -> merge.removedIds().contains(s.id()));
      WorkSession session = merge.session();
      if (session.id() == 0) {
        sessions.add(session.withId(nextId++));
      } else {
        sessions.replaceAll(s -> s.id() == session.id() ? session : s);
      }
    }
  }
}
