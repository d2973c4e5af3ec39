package org.secondshift.slack.home;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.secondshift.captain.Assignment;
import org.secondshift.captain.Rotations;
import org.secondshift.hours.ZoneLookup;
import org.secondshift.store.TeamFigures;

/** Home's lines about the person's next captain shifts and recent nudges. */
public final class HomeLines implements HomeExtras {
  static final int SHIFTS_AHEAD = 14;
  static final Duration NUDGES_SINCE = Duration.ofDays(7);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final Rotations rotations;
  private final TeamFigures figures;
  private final ZoneLookup zones;

  public HomeLines(Rotations rotations, TeamFigures figures, ZoneLookup zones) {
    this.rotations = rotations;
    this.figures = figures;
    this.zones = zones;
  }

  @Override
  public List<String> nextShifts(String teamId, String userId, Instant now) {
    List<String> lines = new ArrayList<>();
    var zone = zones.zoneOf(teamId, userId);
    for (String channel : figures.rotationsOf(teamId, userId)) {
      var overview = rotations.overview(teamId, channel, SHIFTS_AHEAD, now);
      if (overview.isEmpty()) {
        continue;
      }
      boolean onDuty = overview.get().current().filter(s -> s.captain().equals(userId)).isPresent();
      String next =
          overview.get().ahead().stream()
              .filter(a -> a.captain().equals(userId))
              .findFirst()
              .map(Assignment::start)
              .map(t -> WHEN.format(t.atZone(zone)))
              .orElse("not in the next " + SHIFTS_AHEAD);
      lines.add("<#" + channel + ">: " + (onDuty ? "*on duty now*; next " : "next ") + next);
    }
    return lines;
  }

  @Override
  public List<String> recentNudges(String teamId, String userId, Instant now) {
    var zone = zones.zoneOf(teamId, userId);
    return figures.recentNudges(teamId, userId, now.minus(NUDGES_SINCE), 5).stream()
        .map(
            n ->
                WHEN.format(n.at().atZone(zone))
                    + " · "
                    + n.kind().replace('_', ' ')
                    + n.answer().map(a -> " → " + a).orElse(""))
        .toList();
  }
}
