package org.secondshift.slack.rights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.SessionSource;
import org.secondshift.rest.NudgeAnswer;
import org.secondshift.rest.NudgeKind;
import org.secondshift.slack.blocks.When;
import org.secondshift.store.PersonalData;

/**
 * A person's stored data as a zip of two CSV tables, one per file: {@code hours.csv}, each stretch
 * of work, and {@code nudges.csv}, each rest nudge and the answer. Times are ISO 8601 to the second
 * with the offset the person's zone had then, so a spreadsheet and a person read the same moment;
 * headers and values are words, not codes.
 */
public final class DataExport {
  public static final String HOURS = "hours.csv";
  public static final String NUDGES = "nudges.csv";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private DataExport() {}

  /**
   * The zip's bytes; entries carry {@code at} as their time so the same data gives the same zip.
   */
  public static byte[] zip(
      List<PersonalData.SessionRow> sessions,
      List<PersonalData.NudgeRow> nudges,
      ZoneId zone,
      SessionRules rules,
      Instant at) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, HOURS, hours(sessions, zone, rules), at);
      entry(zip, NUDGES, nudges(nudges, zone), at);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the export in memory", e);
    }
    return bytes.toByteArray();
  }

  /** What the DM says the file holds, with the zone its times are in. */
  public static String describe(ZoneId zone) {
    return "Here is everything Second Shift stores about you, as a zip with two tables: "
        + HOURS
        + " has each stretch of work (active in Slack, logged with /shift start, or captain"
        + " duty) with its start, end and minutes; "
        + NUDGES
        + " has each rest nudge you got and the button you chose. Times are "
        + When.zone(zone)
        + ", written as 2026-11-23T09:00:00+01:00 so spreadsheets read them too.";
  }

  static String hours(List<PersonalData.SessionRow> sessions, ZoneId zone, SessionRules rules) {
    StringBuilder csv = new StringBuilder("What,Started,Ended,Minutes\r\n");
    for (PersonalData.SessionRow s : sessions) {
      Instant last = s.source() == SessionSource.ACTIVITY ? s.last().plus(rules.tail()) : s.last();
      // The minutes are those between the times as written, so the row adds up when read.
      Instant start = s.start().truncatedTo(ChronoUnit.SECONDS);
      Instant end = last.truncatedTo(ChronoUnit.SECONDS);
      row(
          csv,
          what(s.source()),
          time(start, zone),
          time(end, zone),
          Long.toString(Duration.between(start, end).toMinutes()));
    }
    return csv.toString();
  }

  static String nudges(List<PersonalData.NudgeRow> nudges, ZoneId zone) {
    StringBuilder csv = new StringBuilder("Nudge,Sent,For the day,Your answer,Answered\r\n");
    for (PersonalData.NudgeRow n : nudges) {
      row(
          csv,
          kind(n.kind()),
          time(n.decidedAt(), zone),
          n.localDate(),
          n.answer() == null ? "" : answer(n.answer()),
          n.answeredAt() == null ? "" : time(n.answeredAt(), zone));
    }
    return csv.toString();
  }

  private static void entry(ZipOutputStream zip, String name, String csv, Instant at)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(at.toEpochMilli());
    zip.putNextEntry(e);
    zip.write(csv.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static void row(StringBuilder csv, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      csv.append(i == 0 ? "" : ",").append(cell(cells[i]));
    }
    csv.append("\r\n");
  }

  /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
  private static String cell(String value) {
    return value.matches("[^\",\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static String time(Instant at, ZoneId zone) {
    return TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  private static String what(SessionSource source) {
    return switch (source) {
      case ACTIVITY -> "Active in Slack";
      case MANUAL -> "Logged with /shift start";
      case DUTY -> "Captain on duty";
    };
  }

  private static String kind(String code) {
    try {
      return switch (NudgeKind.ofCode(code)) {
        case LATE_NIGHT -> "Late at night";
        case DAILY_LIMIT -> "Past your daily limit";
        case LONG_STRETCH -> "A long stretch without a break";
        case NO_DAY_OFF -> "Many days without a day off";
        case RECOVERY -> "Rest after your watch";
      };
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }

  private static String answer(String code) {
    return NudgeAnswer.ofCode(code)
        .map(
            a ->
                switch (a) {
                  case BREAK -> "Taking a break";
                  case SNOOZE -> "Snoozed for an hour";
                  case DONE -> "Done for today";
                  case OFF -> "Turned nudges off";
                })
        .orElse(code);
  }
}
