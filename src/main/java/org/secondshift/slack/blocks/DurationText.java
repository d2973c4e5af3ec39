package org.secondshift.slack.blocks;

import java.time.Duration;

/** Durations as people say them: {@code 3 h 20 min}, {@code 45 min}, {@code 0 min}. */
public final class DurationText {
  private DurationText() {}

  public static String of(Duration d) {
    long minutes = Math.round(d.toSeconds() / 60.0);
    long h = minutes / 60;
    long m = minutes % 60;
    if (h == 0) {
      return m + " min";
    }
    return m == 0 ? h + " h" : h + " h " + m + " min";
  }
}
