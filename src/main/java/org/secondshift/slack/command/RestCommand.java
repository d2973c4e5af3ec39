package org.secondshift.slack.command;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secondshift.rest.QuietHours;
import org.secondshift.rest.RestPrefs;
import org.secondshift.rest.RestSetup;
import org.secondshift.slack.blocks.DurationText;
import org.secondshift.slack.blocks.RestView;

/** {@code /shift rest ...}: show or change when rest nudges may come. */
public final class RestCommand implements Subcommand {
  static final Duration MIN_SNOOZE = Duration.ofMinutes(5);
  static final Duration MAX_SNOOZE = Duration.ofHours(24);

  /** A pause is for a vacation, not a way to turn nudges off for good (that is {@code off}). */
  static final int MAX_PAUSE_DAYS = 366;

  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d{1,3})h)?(?:(\\d{1,4})m(?:in)?)?");

  private final RestSetup setup;

  public RestCommand(RestSetup setup) {
    this.setup = setup;
  }

  @Override
  public String name() {
    return "rest";
  }

  @Override
  public String usage() {
    return "/shift rest [quiet 23:00-07:30 | limit 9h | snooze 2h | pause until 2026-12-27 | off | on]";
  }

  @Override
  public String summary() {
    return "your rest nudges: quiet hours, daily limit, snooze, pause, off or on";
  }

  @Override
  public Reply run(Invocation inv) {
    List<String> args = inv.args();
    if (args.isEmpty()) {
      return RestView.settings(null, setup.current(inv.teamId(), inv.userId()));
    }
    String what = args.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = args.subList(1, args.size());
    return switch (what) {
      case "quiet" -> quiet(inv, String.join(" ", rest));
      case "limit" -> limit(inv, one(rest, "limit", "9h"));
      case "snooze" -> snooze(inv, one(rest, "snooze", "2h"));
      case "pause" -> pause(inv, rest);
      case "off" -> {
        none(rest, "off");
        yield change(inv, ":no_bell: Rest nudges are off.", p -> p.withEnabled(false));
      }
      case "on" -> {
        none(rest, "on");
        yield change(inv, ":bell: Rest nudges are on.", RestPrefs::resumed);
      }
      default ->
          throw new UsageException(
              "`" + args.get(0) + "` is not something `/shift rest` can change.");
    };
  }

  private Reply quiet(Invocation inv, String window) {
    QuietHours hours =
        QuietHours.parse(window)
            .orElseThrow(
                () ->
                    new UsageException(
                        "Give quiet hours as two different times, like `23:00-07:30`."));
    return change(
        inv, ":crescent_moon: Quiet hours are now " + hours + ".", p -> p.withQuiet(hours));
  }

  private Reply limit(Invocation inv, String text) {
    Duration limit =
        duration(text)
            .filter(RestPrefs::allowsDailyLimit)
            .orElseThrow(
                () ->
                    new UsageException(
                        "Give a daily limit between 1h and 16h, like `9h` or `8h30m`."));
    return change(
        inv,
        ":hourglass: Daily limit is now " + DurationText.of(limit) + ".",
        p -> p.withDailyLimit(limit));
  }

  private Reply snooze(Invocation inv, String text) {
    Duration length =
        duration(text)
            .filter(d -> d.compareTo(MIN_SNOOZE) >= 0 && d.compareTo(MAX_SNOOZE) <= 0)
            .orElseThrow(
                () -> new UsageException("Snooze for between 5m and 24h, like `2h` or `45m`."));
    RestSetup.Current now = setup.current(inv.teamId(), inv.userId());
    return change(
        inv,
        ":zzz: Snoozed for " + DurationText.of(length) + ".",
        p -> p.snoozedFor(now.now(), length));
  }

  private Reply pause(Invocation inv, List<String> words) {
    List<String> date =
        !words.isEmpty() && words.get(0).equalsIgnoreCase("until")
            ? words.subList(1, words.size())
            : words;
    if (date.size() != 1) {
      throw new UsageException("Say until when, like `pause until 2026-12-27`.");
    }
    LocalDate until;
    try {
      until = LocalDate.parse(date.get(0));
    } catch (DateTimeParseException e) {
      throw new UsageException("`" + date.get(0) + "` is not a date; write it like `2026-12-27`.");
    }
    LocalDate today = setup.current(inv.teamId(), inv.userId()).today();
    if (!until.isAfter(today) || until.isAfter(today.plusDays(MAX_PAUSE_DAYS))) {
      throw new UsageException(
          "Pick a date after today and within a year; `/shift rest off` turns nudges off for good.");
    }
    return change(
        inv,
        ":palm_tree: No nudges until " + until + ". Enjoy the time off.",
        p -> p.pausedUntil(until));
  }

  private Reply change(Invocation inv, String headline, UnaryOperator<RestPrefs> change) {
    return RestView.settings(headline, setup.change(inv.teamId(), inv.userId(), change));
  }

  private static String one(List<String> words, String what, String example) {
    if (words.size() != 1) {
      throw new UsageException("`" + what + "` takes one length, like `" + example + "`.");
    }
    return words.get(0);
  }

  private static void none(List<String> words, String what) {
    if (!words.isEmpty()) {
      throw new UsageException("`" + what + "` takes nothing after it.");
    }
  }

  static Optional<Duration> duration(String text) {
    Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
      return Optional.empty();
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    return Optional.of(Duration.ofHours(hours).plusMinutes(minutes));
  }
}
