package org.secondshift.slack.blocks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.secondshift.hours.IsoWeek;

/**
 * Times, zones and weeks as people read them: a time in each reader's own zone (Slack's date
 * token), a zone by its place ("Berlin time"), a week by its Monday. Never a zone id or an ISO week
 * id.
 */
public final class When {
  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  /**
   * Slack shows every reader this time in their own zone, in their own 12/24-hour style, e.g.
   * "21:00 today" or "9:00 AM Dec 4, 2026"; clients that cannot see the text {@code Thu 3 Dec 21:00
   * Berlin time}. See https://api.slack.com/reference/surfaces/formatting#date-formatting.
   */
  public static String forEachReader(Instant at, ZoneId fallbackZone) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{time} {date_short_pretty}|"
        + FALLBACK.format(at.atZone(fallbackZone))
        + " "
        + zone(fallbackZone)
        + ">";
  }

  /** A zone by the place it is named after: "Berlin time", "New York time", "UTC", "UTC+05:30". */
  public static String zone(ZoneId zone) {
    ZoneId normal = zone.normalized();
    if (normal instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }
    String id = zone.getId();
    if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("GMT") || id.equals("Etc/GMT")) {
      return "UTC";
    }
    String place = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    return place + " time";
  }

  /** A week by its Monday: "the week of 30 Nov". */
  public static String week(IsoWeek week) {
    return "the week of " + DAY_MONTH.format(week.monday());
  }

  private When() {}
}
