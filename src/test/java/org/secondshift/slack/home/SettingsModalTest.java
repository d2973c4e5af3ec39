package org.secondshift.slack.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.OptionGroupObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Settings modal as a view: what it offers and how it reads what comes back. */
class SettingsModalTest {
  private static final Instant WINTER = Instant.parse("2026-12-03T12:00:00Z");
  private static final Instant SUMMER = Instant.parse("2026-07-03T12:00:00Z");

  private static PersonalSettings.Choices choices(Duration limit, Optional<ZoneId> zone) {
    return new PersonalSettings.Choices(
        LocalTime.of(22, 30), LocalTime.of(6, 45), limit, true, false, zone, Optional.empty());
  }

  private static Map<String, String> answers(String limit, String zone) {
    Map<String, String> values = new HashMap<>();
    values.put(SettingsModal.QUIET_FROM, "23:00");
    values.put(SettingsModal.QUIET_TO, "07:30");
    values.put(SettingsModal.DAILY_LIMIT, limit);
    values.put(SettingsModal.NUDGES, "on");
    values.put(SettingsModal.SHARING, "off");
    values.put(SettingsModal.ZONE, zone);
    return values;
  }

  private static List<OptionObject> zoneOptions(View modal) {
    StaticSelectElement select =
        (StaticSelectElement)
            modal.getBlocks().stream()
                .filter(b -> b instanceof InputBlock i && i.getBlockId().equals(SettingsModal.ZONE))
                .map(b -> ((InputBlock) b).getElement())
                .findFirst()
                .orElseThrow();
    return select.getOptionGroups().stream()
        .map(OptionGroupObject::getOptions)
        .flatMap(List::stream)
        .toList();
  }

  @Test
  void theLimitIsOfferedAndReadAsDecimalHoursInTheOneRange() {
    assertThat(SettingsModal.hours(Duration.ofHours(9))).isEqualTo("9");
    assertThat(SettingsModal.hours(Duration.ofMinutes(510))).isEqualTo("8.5");
    assertThat(SettingsModal.hours(Duration.ofMinutes(495))).isEqualTo("8.25");

    assertThat(SettingsModal.parse(answers("8.5", "slack")).choices())
        .hasValueSatisfying(c -> assertThat(c.dailyLimit()).isEqualTo(Duration.ofMinutes(510)));
    assertThat(SettingsModal.parse(answers("8,25", "slack")).choices())
        .hasValueSatisfying(c -> assertThat(c.dailyLimit()).isEqualTo(Duration.ofMinutes(495)));
    assertThat(SettingsModal.parse(answers("16", "slack")).choices()).isPresent();
    for (String refused : List.of("0.5", "16.5", "17", "-3", "lots", "")) {
      assertThat(SettingsModal.parse(answers(refused, "slack")).errors())
          .as(refused)
          .containsEntry(
              SettingsModal.DAILY_LIMIT, "Give a number of hours from 1 to 16, like 9 or 8.5.");
    }
  }

  @Test
  void slacksOwnZoneIsTheChoiceUntilAnotherIsPickedAndThenIsKept() {
    assertThat(SettingsModal.parse(answers("9", "slack")).choices())
        .hasValueSatisfying(c -> assertThat(c.zoneOverride()).isEmpty());
    assertThat(SettingsModal.parse(answers("9", "Asia/Kolkata")).choices())
        .hasValueSatisfying(c -> assertThat(c.zoneOverride()).contains(ZoneId.of("Asia/Kolkata")));
    assertThat(SettingsModal.parse(answers("9", "Mars/Olympus")).errors())
        .containsKey(SettingsModal.ZONE);
  }

  @Test
  void theZoneListKeepsToSlacksHundredOptionsAndShowsTheOffsetOfTheSeason() {
    View winter =
        SettingsModal.of(
            choices(Duration.ofHours(10), Optional.empty()),
            Optional.of(ZoneId.of("Europe/Berlin")),
            WINTER);
    List<OptionObject> options = zoneOptions(winter);
    assertThat(options).hasSizeLessThanOrEqualTo(100);
    assertThat(options.get(0).getValue()).isEqualTo(ZoneChoices.FROM_SLACK);
    assertThat(options.get(0).getText().getText())
        .isEqualTo("Use my Slack time zone (Berlin time, UTC+1)");
    assertThat(options)
        .allSatisfy(o -> assertThat(o.getText().getText()).hasSizeLessThanOrEqualTo(75));
    assertThat(options.stream().map(o -> o.getText().getText()))
        .contains("Kolkata (UTC+5:30)", "Los Angeles (UTC−8)", "UTC")
        .doesNotHaveDuplicates();

    View summer =
        SettingsModal.of(
            choices(Duration.ofHours(10), Optional.empty()),
            Optional.of(ZoneId.of("Europe/Berlin")),
            SUMMER);
    assertThat(zoneOptions(summer).stream().map(o -> o.getText().getText()))
        .contains("Use my Slack time zone (Berlin time, UTC+2)", "Los Angeles (UTC−7)");
  }

  @Test
  void aZoneChosenElsewhereThatTheListLacksIsAddedSoTheSelectCanShowIt() {
    ZoneId boise = ZoneId.of("America/Boise");
    View modal =
        SettingsModal.of(
            choices(Duration.ofHours(10), Optional.of(boise)), Optional.empty(), WINTER);
    List<OptionObject> options = zoneOptions(modal);
    assertThat(options.stream().map(OptionObject::getValue)).contains("America/Boise");
    assertThat(options.get(0).getText().getText()).isEqualTo("Use my Slack time zone");
  }
}
