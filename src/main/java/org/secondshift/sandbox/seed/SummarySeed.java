package org.secondshift.sandbox.seed;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;

/**
 * A weekly summary switched on in a channel a week before the sandbox starts, so its latest posting
 * time has passed and the summary is posted as the bot catches up.
 *
 * @param day three-letter day of the week, e.g. {@code mon}
 * @param at local time of the post, {@code HH:mm}
 * @param by who switched it on (optional)
 */
public record SummarySeed(String channel, String day, String at, String zone, String by) {
  public SummarySeed {
    Seed.require(channel, "summaries[].channel");
    Seed.require(day, "summaries[" + channel + "].day");
    Seed.require(at, "summaries[" + channel + "].at");
    Seed.require(zone, "summaries[" + channel + "].zone");
    dayOfWeek(day, channel);
    try {
      LocalTime.parse(at);
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "summaries[" + channel + "] needs at like 09:00 and a known zone");
    }
  }

  public DayOfWeek dayOfWeek() {
    return dayOfWeek(day, channel);
  }

  public LocalTime time() {
    return LocalTime.parse(at);
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  private static DayOfWeek dayOfWeek(String day, String channel) {
    String word = day.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(DayOfWeek.values())
        .filter(
            d ->
                word.length() >= 3
                    && d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        .toLowerCase(Locale.ROOT)
                        .startsWith(word))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "summaries["
                        + channel
                        + "].day must be mon, tue, wed, thu, fri, sat or sun, not '"
                        + day
                        + "'"));
  }
}
