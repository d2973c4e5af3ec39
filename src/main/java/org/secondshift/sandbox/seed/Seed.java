package org.secondshift.sandbox.seed;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sandbox workspace as a person wrote it in {@code seeds/workspace.json}; see seeds/README.md.
 */
public record Seed(
    String workspace,
    List<Teammate> teammates,
    List<SeedChannel> channels,
    List<HistoryPattern> history,
    List<SeedMessage> messages,
    List<RotationSeed> rotations,
    List<SummarySeed> summaries,
    List<PersonSetting> settings,
    List<GuideStep> guide) {
  /** The file the sandbox reads from the seed folder. */
  public static final String FILE = "workspace.json";

  /** A teammate with this zone is placed where it is about half past midnight at start. */
  public static final String LATE_NIGHT = "late-night";

  /**
   * A teammate with the zone {@code local HH:mm} is placed where it is about that time at start, so
   * their part of the story (a nudge in working hours, say) holds whenever the sandbox starts.
   */
  private static final Pattern LOCAL = Pattern.compile("local ([01]\\d|2[0-3]):([0-5]\\d)");

  private static final LocalTime LATE_NIGHT_TARGET = LocalTime.of(0, 30);
  // Well-known cities covering every whole-hour offset in every season (some keep summer time,
  // some do not), so the pick reads like a real teammate's.
  private static final List<String> PLACES =
      List.of(
          "Pacific/Pago_Pago",
          "Pacific/Honolulu",
          "America/Anchorage",
          "Pacific/Gambier",
          "America/Los_Angeles",
          "America/Denver",
          "America/Chicago",
          "America/New_York",
          "America/Halifax",
          "America/Santo_Domingo",
          "America/Sao_Paulo",
          "Atlantic/South_Georgia",
          "Atlantic/Cape_Verde",
          "Atlantic/Azores",
          "Europe/London",
          "Europe/Berlin",
          "Europe/Athens",
          "Europe/Istanbul",
          "Asia/Dubai",
          "Asia/Karachi",
          "Asia/Dhaka",
          "Asia/Bangkok",
          "Asia/Singapore",
          "Asia/Tokyo",
          "Australia/Brisbane",
          "Pacific/Noumea",
          "Pacific/Fiji",
          "Pacific/Auckland",
          "Pacific/Kiritimati");

  public Seed {
    workspace = workspace == null ? "Second Shift Sandbox" : workspace;
    teammates = copy(teammates);
    channels = copy(channels);
    history = copy(history);
    messages = copy(messages);
    rotations = copy(rotations);
    summaries = copy(summaries);
    settings = copy(settings);
    guide = copy(guide);
  }

  /** Reads and checks {@code dir/workspace.json}; the message names the file and what is wrong. */
  public static Seed read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Seed seed = new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), Seed.class);
      if (seed == null) {
        throw new IllegalArgumentException("the file is empty");
      }
      seed.checkReferences();
      return seed;
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the sandbox seed " + file + ": " + e, e);
    } catch (RuntimeException e) {
      // Gson reports a record's refusal as a bare RuntimeException around our own message.
      throw new IllegalArgumentException(
          "The sandbox seed " + file + " is not valid: " + rootMessage(e), e);
    }
  }

  /**
   * Each teammate's zone: an IANA zone as written; {@code late-night} and {@code local HH:mm} a
   * real zone where it is about that time at {@code now}.
   */
  public Map<String, ZoneId> zones(Instant now) {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    for (Teammate t : teammates) {
      zones.put(
          t.id(),
          placement(t.tz()).map(at -> zoneWhere(at, now)).orElseGet(() -> ZoneId.of(t.tz())));
    }
    return zones;
  }

  /** The local time a placed teammate's zone asks for, or empty for a plain zone id. */
  static Optional<LocalTime> placement(String tz) {
    if (LATE_NIGHT.equals(tz)) {
      return Optional.of(LATE_NIGHT_TARGET);
    }
    Matcher m = LOCAL.matcher(tz);
    return m.matches()
        ? Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  /** The well-known zone whose local time at {@code now} is nearest {@code target}. */
  static ZoneId zoneWhere(LocalTime target, Instant now) {
    return PLACES.stream()
        .map(ZoneId::of)
        .min(Comparator.comparingLong(zone -> distance(target, now.atZone(zone).toLocalTime())))
        .orElseThrow();
  }

  private static long distance(LocalTime target, LocalTime local) {
    long minutes = Math.abs(Duration.between(target, local).toMinutes());
    return Math.min(minutes, 24 * 60 - minutes);
  }

  private void checkReferences() {
    Set<String> people = teammates.stream().map(Teammate::id).collect(Collectors.toSet());
    Set<String> rooms = channels.stream().map(SeedChannel::id).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Teammate t : teammates) {
      if (placement(t.tz()).isEmpty() && !ZoneId.getAvailableZoneIds().contains(t.tz())) {
        problems.add(
            "teammate "
                + t.id()
                + " has an unknown zone "
                + t.tz()
                + " (give an IANA zone such as Europe/Berlin, late-night, or local 15:00)");
      }
    }
    Stream.of(
            channels.stream().flatMap(c -> c.members().stream()),
            history.stream().map(HistoryPattern::user),
            messages.stream().map(SeedMessage::user),
            rotations.stream().flatMap(r -> r.members().stream()),
            summaries.stream().map(SummarySeed::by).filter(java.util.Objects::nonNull),
            settings.stream().map(PersonSetting::user),
            guide.stream().map(GuideStep::as),
            guide.stream()
                .map(GuideStep::open)
                .filter(open -> open.startsWith("D"))
                .map(open -> open.substring(1)))
        .flatMap(s -> s)
        .distinct()
        .filter(id -> !people.contains(id))
        .forEach(id -> problems.add("unknown teammate " + id));
    Stream.of(
            history.stream().map(HistoryPattern::channel),
            messages.stream().map(SeedMessage::channel),
            rotations.stream().map(RotationSeed::channel),
            summaries.stream().map(SummarySeed::channel),
            guide.stream().map(GuideStep::open).filter(open -> open.startsWith("C")))
        .flatMap(s -> s)
        .distinct()
        .filter(id -> !rooms.contains(id))
        .forEach(id -> problems.add("unknown channel " + id));
    guide.stream()
        .map(GuideStep::open)
        .filter(
            open -> !open.equals(GuideStep.HOME) && !open.startsWith("C") && !open.startsWith("D"))
        .forEach(
            open -> problems.add("guide step opens " + open + ": give C…, D<user id> or home"));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException && t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }
}
