package org.secondshift.slack.home;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secondshift.slack.blocks.DurationText;

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

  private SettingsModal() {}

  public static View of(PersonalSettings.Choices c) {
    return view(
        v ->
            v.type("modal")
                .callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("Second Shift settings")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(s -> s.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        text(
                            QUIET_FROM,
                            "Quiet hours start (24-hour, your time)",
                            c.quietFrom().toString(),
                            false),
                        text(QUIET_TO, "Quiet hours end", c.quietTo().toString(), false),
                        text(
                            DAILY_LIMIT,
                            "Daily limit (hours, e.g. 9h or 9h30m)",
                            DurationText.of(c.dailyLimit()).replace(" ", "").replace("min", "m"),
                            false),
                        onOff(NUDGES, "Rest nudges", c.nudges()),
                        onOff(
                            SHARING,
                            "Share my hours with teammates and name me in summaries",
                            c.sharing()),
                        text(
                            ZONE,
                            "Time zone (empty: use Slack's)",
                            c.zoneOverride().map(ZoneId::getId).orElse(""),
                            true))));
  }

  private static com.slack.api.model.block.LayoutBlock text(
      String id, String label, String initial, boolean optional) {
    return input(
        i ->
            i.blockId(id)
                .optional(optional)
                .label(plainText(label))
                .element(
                    plainTextInput(
                        p -> p.actionId(id).initialValue(initial.isEmpty() ? null : initial))));
  }

  private static com.slack.api.model.block.LayoutBlock onOff(String id, String label, boolean on) {
    List<OptionObject> options =
        List.of(option(plainText("On"), "on"), option(plainText("Off"), "off"));
    return input(
        i ->
            i.blockId(id)
                .label(plainText(label))
                .element(
                    staticSelect(
                        s ->
                            s.actionId(id)
                                .options(options)
                                .initialOption(options.get(on ? 0 : 1)))));
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
      errors.put(field, "Use 24-hour time like 22:30.");
      return null;
    }
    return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static Duration limit(String raw, Map<String, String> errors) {
    Matcher m = HOURS.matcher(raw == null ? "" : raw.trim().toLowerCase(java.util.Locale.ROOT));
    if (m.matches()) {
      Duration d =
          Duration.ofHours(Long.parseLong(m.group(1)))
              .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
      if (d.compareTo(Duration.ofHours(1)) >= 0 && d.compareTo(Duration.ofHours(16)) <= 0) {
        return d;
      }
    }
    errors.put(DAILY_LIMIT, "Give hours between 1h and 16h, like 9h or 9h30m.");
    return null;
  }

  private static Optional<ZoneId> zone(String raw, Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(raw.trim()));
    } catch (DateTimeException e) {
      errors.put(
          ZONE, "Not a time zone I know; use a name like Europe/Berlin or America/Los_Angeles.");
      return Optional.empty();
    }
  }

  /** Either choices or errors by field (block id). */
  public record Result(Optional<PersonalSettings.Choices> choices, Map<String, String> errors) {}
}
