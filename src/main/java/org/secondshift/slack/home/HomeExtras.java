package org.secondshift.slack.home;

import java.time.Instant;
import java.util.List;

/** Lines the Home tab borrows from the rotation and the rest nudges, already worded. */
public interface HomeExtras {
  List<String> nextShifts(String teamId, String userId, Instant now);

  List<String> recentNudges(String teamId, String userId, Instant now);

  static HomeExtras none() {
    return new HomeExtras() {
      @Override
      public List<String> nextShifts(String teamId, String userId, Instant now) {
        return List.of();
      }

      @Override
      public List<String> recentNudges(String teamId, String userId, Instant now) {
        return List.of();
      }
    };
  }
}
