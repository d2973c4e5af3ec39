package org.secondshift.slack.home;

import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.secondshift.slack.blocks.When;

/**
 * The time zones the Settings modal offers, grouped by region. A static select holds at most 100
 * options (https://docs.slack.dev/reference/block-kit/composition-objects/option-group-object/), so
 * this is a list of the zones labs work in, not every zone the JDK knows; a zone someone chose
 * another way (or Slack gave them) is added to its region so the select can show it.
 */
final class ZoneChoices {
  /** The option meaning "no choice of mine: follow my Slack profile". */
  static final String FROM_SLACK = "slack";

  private static final Map<String, List<String>> REGIONS = new LinkedHashMap<>();

  static {
    REGIONS.put(
        "The Americas",
        List.of(
            "Pacific/Honolulu",
            "America/Anchorage",
            "America/Los_Angeles",
            "America/Vancouver",
            "America/Tijuana",
            "America/Phoenix",
            "America/Denver",
            "America/Chicago",
            "America/Mexico_City",
            "America/Toronto",
            "America/New_York",
            "America/Bogota",
            "America/Lima",
            "America/Halifax",
            "America/Caracas",
            "America/Santiago",
            "America/Sao_Paulo",
            "America/Argentina/Buenos_Aires",
            "America/Montevideo",
            "America/St_Johns"));
    REGIONS.put(
        "Europe and Africa",
        List.of(
            "Atlantic/Reykjavik",
            "Europe/Lisbon",
            "Europe/London",
            "Europe/Dublin",
            "Africa/Lagos",
            "Europe/Madrid",
            "Europe/Paris",
            "Europe/Brussels",
            "Europe/Amsterdam",
            "Europe/Zurich",
            "Europe/Berlin",
            "Europe/Copenhagen",
            "Europe/Oslo",
            "Europe/Stockholm",
            "Europe/Rome",
            "Europe/Vienna",
            "Europe/Prague",
            "Europe/Warsaw",
            "Europe/Budapest",
            "Africa/Johannesburg",
            "Africa/Cairo",
            "Europe/Athens",
            "Europe/Helsinki",
            "Europe/Kyiv",
            "Europe/Istanbul",
            "Africa/Nairobi",
            "Europe/Moscow"));
    REGIONS.put(
        "Asia and the Pacific",
        List.of(
            "Asia/Jerusalem",
            "Asia/Riyadh",
            "Asia/Tehran",
            "Asia/Dubai",
            "Asia/Karachi",
            "Asia/Tashkent",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Asia/Dhaka",
            "Asia/Bangkok",
            "Asia/Jakarta",
            "Asia/Ho_Chi_Minh",
            "Asia/Singapore",
            "Asia/Kuala_Lumpur",
            "Asia/Manila",
            "Asia/Hong_Kong",
            "Asia/Shanghai",
            "Asia/Taipei",
            "Australia/Perth",
            "Asia/Seoul",
            "Asia/Tokyo",
            "Australia/Adelaide",
            "Australia/Brisbane",
            "Australia/Sydney",
            "Australia/Melbourne",
            "Pacific/Auckland"));
    REGIONS.put("Coordinated time", List.of("UTC"));
  }

  private ZoneChoices() {}

  /**
   * The groups: first the person's Slack zone (as far as it is known), then the regions, each with
   * the offset each zone has at {@code now}, and {@code extra} added where it belongs.
   */
  static List<OptionGroupObject> groups(
      Optional<ZoneId> fromSlack, Optional<ZoneId> extra, Instant now) {
    List<OptionGroupObject> groups = new ArrayList<>();
    groups.add(
        OptionGroupObject.builder()
            .label(plainText("From your Slack profile"))
            .options(List.of(fromSlackOption(fromSlack, now)))
            .build());
    REGIONS.forEach(
        (region, ids) -> {
          List<String> here = new ArrayList<>(ids);
          extra
              .map(ZoneId::getId)
              .filter(id -> !listed(id) && region.equals(regionOf(id)))
              .ifPresent(here::add);
          List<OptionObject> options = new ArrayList<>();
          for (String id : here) {
            options.add(zoneOption(ZoneId.of(id), now));
          }
          groups.add(OptionGroupObject.builder().label(plainText(region)).options(options).build());
        });
    return groups;
  }

  /** The option that stands for {@code choice}: the zone, or Slack's own when none is chosen. */
  static OptionObject initial(Optional<ZoneId> choice, Optional<ZoneId> fromSlack, Instant now) {
    return choice.map(z -> zoneOption(z, now)).orElseGet(() -> fromSlackOption(fromSlack, now));
  }

  private static OptionObject fromSlackOption(Optional<ZoneId> fromSlack, Instant now) {
    String label =
        fromSlack
            .map(z -> "Use my Slack time zone (" + When.zone(z) + ", " + offset(z, now) + ")")
            .orElse("Use my Slack time zone");
    return option(plainText(label), FROM_SLACK);
  }

  private static OptionObject zoneOption(ZoneId zone, Instant now) {
    String id = zone.getId();
    String name = id.equals("UTC") ? "UTC" : When.zone(zone).replace(" time", "");
    String label = id.equals("UTC") ? "UTC" : name + " (" + offset(zone, now) + ")";
    return option(plainText(label), id);
  }

  /** "UTC+1", "UTC−3:30", "UTC" as the zone stands at {@code now}. */
  static String offset(ZoneId zone, Instant now) {
    ZoneOffset o = zone.getRules().getOffset(now);
    if (o.getTotalSeconds() == 0) {
      return "UTC";
    }
    int seconds = Math.abs(o.getTotalSeconds());
    String sign = o.getTotalSeconds() < 0 ? "−" : "+";
    int h = seconds / 3600;
    int m = seconds % 3600 / 60;
    return "UTC" + sign + h + (m == 0 ? "" : String.format(Locale.ROOT, ":%02d", m));
  }

  private static boolean listed(String id) {
    return REGIONS.values().stream().anyMatch(ids -> ids.contains(id));
  }

  /** Where a zone not on the list goes, by the first part of its id. */
  private static String regionOf(String id) {
    String area = id.contains("/") ? id.substring(0, id.indexOf('/')) : "";
    return switch (area) {
      case "America", "Atlantic" -> "The Americas";
      case "Europe", "Africa" -> "Europe and Africa";
      case "Asia", "Australia", "Pacific", "Indian", "Antarctica" -> "Asia and the Pacific";
      default -> "Coordinated time";
    };
  }
}
