package org.secondshift.slack.command;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.secondshift.captain.Cadence;

/** The words of {@code setup <@a> <@b> every 12h at 09:00 [tz Europe/Berlin]}, checked. */
public record SetupArgs(List<String> roster, Cadence cadence, LocalTime at, Optional<ZoneId> zone) {
  public SetupArgs {
    roster = List.copyOf(roster);
  }

  /** Reads the words after {@code setup}; throws {@link UsageException} naming what is wrong. */
  public static SetupArgs parse(List<String> words) {
    int i = 0;
    List<String> roster = new ArrayList<>();
    for (; i < words.size() && Mentions.looksLikeMention(words.get(i)); i++) {
      String word = words.get(i);
      roster.add(
          Mentions.userId(word)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "`"
                              + word
                              + "` is not a person I can look up; pick them from the @ menu.")));
    }
    if (roster.isEmpty()) {
      throw new UsageException("Name the roster in order, e.g. `@ada @grace`.");
    }
    if (new HashSet<>(roster).size() != roster.size()) {
      throw new UsageException("Name each person once.");
    }
    Cadence cadence = null;
    LocalTime at = null;
    Optional<ZoneId> zone = Optional.empty();
    while (i < words.size()) {
      String word = words.get(i).toLowerCase(Locale.ROOT);
      String next = i + 1 < words.size() ? words.get(i + 1) : null;
      switch (word) {
        case "daily" -> {
          cadence = Cadence.daily();
          i++;
        }
        case "weekly" -> {
          cadence = Cadence.weekly();
          i++;
        }
        case "every" -> {
          cadence = cadence(next);
          i += 2;
        }
        case "at" -> {
          at = time(next);
          i += 2;
        }
        case "tz" -> {
          zone = Optional.of(zone(next));
          i += 2;
        }
        default -> throw new UsageException("I do not understand `" + words.get(i) + "` here.");
      }
    }
    if (cadence == null || at == null) {
      throw new UsageException(
          "Say how long a shift is and when the first handoff is, e.g. `every 12h at 09:00`.");
    }
    return new SetupArgs(roster, cadence, at, zone);
  }

  private static Cadence cadence(String word) {
    if (word == null) {
      throw new UsageException("`every` needs a shift length, e.g. `12h`, `day` or `week`.");
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("day")) {
      return Cadence.daily();
    }
    if (w.equals("week")) {
      return Cadence.weekly();
    }
    if (!w.matches("\\d{1,4}h")) {
      throw new UsageException(
          "`" + word + "` is not a shift length; try `12h`, `daily` or `weekly`.");
    }
    try {
      return Cadence.ofHours(Integer.parseInt(w.substring(0, w.length() - 1)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "A shift is at least 1 h and must divide a day (1, 2, 3, 4, 6, 8, 12 h)"
              + " or be whole days (24h, 48h, …).");
    }
  }

  private static LocalTime time(String word) {
    try {
      return LocalTime.parse(word == null ? "" : word.length() == 4 ? "0" + word : word);
    } catch (DateTimeParseException e) {
      throw new UsageException("`" + word + "` is not a time; write it like `09:00`.");
    }
  }

  private static ZoneId zone(String word) {
    try {
      return ZoneId.of(word == null ? "" : word);
    } catch (DateTimeException e) {
      throw new UsageException("`" + word + "` is not a time zone; write it like `Europe/Berlin`.");
    }
  }
}
