package org.secondshift.summary;

import java.util.Map;
import java.util.Objects;

/** How many rest nudges went out in the week and what people answered, by answer. */
public record NudgeTally(int sent, Map<String, Integer> answers) {
  public NudgeTally {
    if (sent < 0) {
      throw new IllegalArgumentException("sent must not be negative: " + sent);
    }
    answers = Map.copyOf(Objects.requireNonNull(answers, "answers"));
  }

  public static NudgeTally none() {
    return new NudgeTally(0, Map.of());
  }

  public int answered() {
    return answers.values().stream().mapToInt(Integer::intValue).sum();
  }
}
