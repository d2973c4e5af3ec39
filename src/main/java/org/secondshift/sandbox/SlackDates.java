package org.secondshift.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's date tokens, {@code <!date^EPOCH^FORMAT[^link]|fallback>}, as a reader sees them: Slack
 * fills the format in each reader's own zone. Follows
 * https://api.slack.com/reference/surfaces/formatting#date-formatting ({date_num}, {date},
 * {date_short}, {date_long}, their _pretty forms, {time}, {time_secs}); the page does the same in
 * blockkit.js. {time} is shown in 24-hour style, one of the two a Slack user may choose.
 */
public final class SlackDates {
  private static final Pattern TOKEN =
      Pattern.compile("<!date\\^(-?\\d+)\\^([^^|>]*)(?:\\^[^|>]*)?\\|([^>]*)>");
  private static final Pattern FIELD = Pattern.compile("\\{([a-z_]+)}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
  private static final DateTimeFormatter TIME_SECS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.US);

  private SlackDates() {}

  /** {@code text} as someone in {@code reader}'s zone reads it at {@code now}. */
  public static String readIn(String text, ZoneId reader, Instant now) {
    if (text == null) {
      return null;
    }
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      ZonedDateTime at = Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(reader);
      m.appendReplacement(out, Matcher.quoteReplacement(fill(m.group(2), at, now.atZone(reader))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * {@code text} with each date token as its fallback: what a client that cannot render one shows.
   */
  public static String fallbacks(String text) {
    return text == null
        ? null
        : TOKEN.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(3)));
  }

  private static String fill(String format, ZonedDateTime at, ZonedDateTime now) {
    Matcher f = FIELD.matcher(format);
    StringBuilder out = new StringBuilder();
    while (f.find()) {
      boolean first = f.start() == 0;
      String value =
          switch (f.group(1)) {
            case "date_num" -> at.toLocalDate().toString();
            case "date" -> DATE.format(at);
            case "date_short" -> SHORT.format(at);
            case "date_long" -> LONG.format(at);
            case "date_pretty" -> relative(at, now, first, DATE);
            case "date_short_pretty" -> relative(at, now, first, SHORT);
            case "date_long_pretty" -> relative(at, now, first, LONG);
            case "time" -> TIME.format(at);
            case "time_secs" -> TIME_SECS.format(at);
            default -> f.group();
          };
      f.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    f.appendTail(out);
    return out.toString();
  }

  private static String relative(
      ZonedDateTime at, ZonedDateTime now, boolean first, DateTimeFormatter otherwise) {
    LocalDate day = at.toLocalDate();
    LocalDate today = now.toLocalDate();
    String word =
        day.equals(today)
            ? "today"
            : day.equals(today.minusDays(1))
                ? "yesterday"
                : day.equals(today.plusDays(1)) ? "tomorrow" : null;
    if (word == null) {
      return otherwise.format(at);
    }
    return first ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
  }
}
