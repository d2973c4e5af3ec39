package org.secondshift.rest;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local hours someone should be asleep, e.g. 22:00 to 07:00, possibly across midnight. */
public record QuietHours(LocalTime from, LocalTime to) {
  private static final Pattern WINDOW =
      Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}):(\\d{2})");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public QuietHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("from and to must differ, both were " + from);
    }
  }

  /** Reads {@code 23:00-07:30}; empty when it is not two different times of day. */
  public static Optional<QuietHours> parse(String text) {
    Matcher m = WINDOW.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      LocalTime to = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
      return from.equals(to) ? Optional.empty() : Optional.of(new QuietHours(from, to));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether a wall-clock time falls in the window; {@code from} is inside, {@code to} is not. */
  public boolean contains(LocalTime time) {
    if (from.isBefore(to)) {
      return !time.isBefore(from) && time.isBefore(to);
    }
    return !time.isBefore(from) || time.isBefore(to);
  }

  @Override
  public String toString() {
    return HH_MM.format(from) + "\u2013" + HH_MM.format(to);
  }
}
