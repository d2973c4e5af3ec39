package org.secondshift.slack.rights;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.store.PersonalData;

/** A person's stored data as CSV: one line per session, times in UTC and in their zone. */
public final class HourLogCsv {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private HourLogCsv() {}

  public static byte[] of(
      List<PersonalData.SessionRow> sessions,
      List<PersonalData.NudgeRow> nudges,
      ZoneId zone,
      SessionRules rules) {
    StringBuilder csv = new StringBuilder("kind,start_utc,end_utc,start_local,end_local,minutes\n");
    for (PersonalData.SessionRow s : sessions) {
      var end = s.source() == SessionSource.ACTIVITY ? s.last().plus(rules.tail()) : s.last();
      csv.append(kind(s.source()))
          .append(',')
          .append(s.start())
          .append(',')
          .append(end)
          .append(',')
          .append(LOCAL.format(s.start().atZone(zone)))
          .append(',')
          .append(LOCAL.format(end.atZone(zone)))
          .append(',')
          .append(Duration.between(s.start(), end).toMinutes())
          .append('\n');
    }
    csv.append("\nnudge,decided_utc,local_date,answer\n");
    for (PersonalData.NudgeRow n : nudges) {
      csv.append(n.kind())
          .append(',')
          .append(n.decidedAt())
          .append(',')
          .append(n.localDate())
          .append(',')
          .append(n.answer() == null ? "" : n.answer())
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String kind(SessionSource source) {
    return switch (source) {
      case ACTIVITY -> "active";
      case MANUAL -> "manual";
      case DUTY -> "captain_duty";
    };
  }
}
