package org.secondshift.slack.home;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secondshift.rest.RestPrefs;
import org.secondshift.slack.blocks.When;

/** The Settings modal and the validation of what comes back from it, field by field. */
public final class SettingsModal {
  public static final String CALLBACK_ID = "second_shift_settings";
  public static final String QUIET_FROM = "quiet_from";
  public static final String QUIET_TO = "quiet_to";
  public static final String DAILY_LIMIT = "daily_limit";
  public static final String NUDGES = "nudges";
  public static final String SHARING = "sharing";
  public static final String ZONE = "zone";
  private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
  private static final Pattern HOURS =
      Pattern.compile("(\\d{1,2})(?:\\s*h)?(?:\\s*(\\d{1,2})\\s*m(?:in)?)?");
  private static final Pattern DECIMAL_HOURS = Pattern.compile("\\d{1,2}(?:[.,]\\d{1,3})?");

  private SettingsModal() {}

  /**
   * The modal for someone whose choices are {@code c}; {@code slackZone} is the zone their Slack
   * profile gives, where known, and {@code now} sets the offsets the zone list shows.
   */
  public static View of(PersonalSettings.Choices c, Optional<ZoneId> slackZone, Instant now) {
    ZoneId zone = c.zoneOverride().or(() -> slackZone).orElse(ZoneOffset.UTC);
    return view(
        v ->
            v.type("modal")
                .callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("Second Shift settings")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(s -> s.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        context(
                            List.of(
                                markdownText(
                                    "These choices are yours alone. Times are "
                                        + When.zone(zone)
                                        + " unless you pick another zone below."))),
                        input(
                            i ->
                                i.blockId(QUIET_FROM)
                                    .label(plainText("My quiet hours start at"))
                                    .hint(
                                        plainText(
                                            "No rest nudges reach you in your quiet hours,"
                                                + " except the one that asks you to sleep."))
                                    .element(
                                        timePicker(
                                            t ->
                                                t.actionId(QUIET_FROM)
                                                    .initialTime(hhmm(c.quietFrom()))))),
                        input(
                            i ->
                                i.blockId(QUIET_TO)
                                    .label(plainText("and end at"))
                                    .element(
                                        timePicker(
                                            t ->
                                                t.actionId(QUIET_TO)
                                                    .initialTime(hhmm(c.quietTo()))))),
                        input(
                            i ->
                                i.blockId(DAILY_LIMIT)
                                    .label(
                                        plainText(
                                            "After this many hours of work in a day, tell me it"
                                                + " is enough"))
                                    .hint(
                                        plainText(
                                            "From 1 to 16 hours; 8.5 means eight and a half."))
                                    .element(
                                        numberInput(
                                            n ->
                                                n.actionId(DAILY_LIMIT)
                                                    .decimalAllowed(true)
                                                    .minValue(hours(RestPrefs.LEAST_DAILY_LIMIT))
                                                    .maxValue(hours(RestPrefs.MOST_DAILY_LIMIT))
                                                    .initialValue(hours(c.dailyLimit()))))),
                        choice(
                            NUDGES,
                            "Should I nudge you to rest?",
                            c.nudges(),
                            "Yes, send me rest nudges",
                            "No, not for now"),
                        choice(
                            SHARING,
                            "May teammates see your hours, and may weekly summaries name you?",
                            c.sharing(),
                            "Yes, share my hours and name me",
                            "No, count me without my name"),
                        input(
                            i ->
                                i.blockId(ZONE)
                                    .label(plainText("My time zone is"))
                                    .element(
                                        staticSelect(
                                            s ->
                                                s.actionId(ZONE)
                                                    .optionGroups(
                                                        ZoneChoices.groups(
                                                            slackZone, c.zoneOverride(), now))
                                                    .initialOption(
                                                        ZoneChoices.initial(
                                                            c.zoneOverride(),
                                                            slackZone,
                                                            now))))))));
  }

  private static LayoutBlock choice(
      String id, String question, boolean yes, String yesText, String noText) {
    List<OptionObject> options =
        List.of(option(plainText(yesText), "on"), option(plainText(noText), "off"));
    return input(
        i ->
            i.blockId(id)
                .label(plainText(question))
                .element(
                    radioButtons(
                        r ->
                            r.actionId(id)
                                .options(options)
                                .initialOption(options.get(yes ? 0 : 1)))));
  }

  private static String hhmm(LocalTime t) {
    return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
  }

  /** A duration as decimal hours, as the number input shows it: "9", "8.5", "8.25". */
  static String hours(Duration d) {
    return BigDecimal.valueOf(d.toMinutes())
        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The choices, or an error message per field that could not be used. */
  public static Result parse(Map<String, String> values) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalTime from = time(values.get(QUIET_FROM), QUIET_FROM, errors);
    LocalTime to = time(values.get(QUIET_TO), QUIET_TO, errors);
    if (from != null && from.equals(to)) {
      errors.put(QUIET_TO, "Quiet hours need to end at a different time than they start.");
    }
    Duration limit = limit(values.get(DAILY_LIMIT), errors);
    Optional<ZoneId> zone = zone(values.get(ZONE), errors);
    if (!errors.isEmpty()) {
      return new Result(Optional.empty(), errors);
    }
    return new Result(
        Optional.of(
            new PersonalSettings.Choices(
                from,
                to,
                limit,
                !"off".equals(values.get(NUDGES)),
                "on".equals(values.get(SHARING)),
                zone,
                // The modal does not set pauses; /shift rest pause does, and saving keeps it.
                Optional.empty())),
        Map.of());
  }

  private static LocalTime time(String raw, String field, Map<String, String> errors) {
    Matcher m = TIME.matcher(raw == null ? "" : raw.trim());
    if (!m.matches()) {
      errors.put(field, "Pick a time like 22:30.");
      return null;
    }
    return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static Duration limit(String raw, Map<String, String> errors) {
    String text = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    Duration d = null;
    if (DECIMAL_HOURS.matcher(text).matches()) {
      long minutes =
          new BigDecimal(text.replace(',', '.'))
              .multiply(BigDecimal.valueOf(60))
              .setScale(0, RoundingMode.HALF_UP)
              .longValueExact();
      d = Duration.ofMinutes(minutes);
    } else {
      Matcher m = HOURS.matcher(text);
      if (m.matches()) {
        d =
            Duration.ofHours(Long.parseLong(m.group(1)))
                .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
      }
    }
    if (d != null && RestPrefs.allowsDailyLimit(d)) {
      return d;
    }
    errors.put(DAILY_LIMIT, "Give a number of hours from 1 to 16, like 9 or 8.5.");
    return null;
  }

  private static Optional<ZoneId> zone(String raw, Map<String, String> errors) {
    if (raw == null || raw.isBlank() || raw.equals(ZoneChoices.FROM_SLACK)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(raw.trim()));
    } catch (DateTimeException e) {
      errors.put(ZONE, "That is not a time zone I know; pick one from the list.");
      return Optional.empty();
    }
  }

  /** Either choices or errors by field (block id). */
  public record Result(Optional<PersonalSettings.Choices> choices, Map<String, String> errors) {}
}
