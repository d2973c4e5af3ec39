package org.secondshift.sandbox.seed;

import java.time.LocalDate;
import java.util.List;
import org.secondshift.rest.RestPreferences;
import org.secondshift.rest.RestPrefs;

/**
 * The seed's {@code settings}: sharing, vacations, own quiet hours and limits, as each person would
 * set them.
 */
public final class SettingsApplier implements SectionApplier<PersonSetting> {
  @Override
  public void apply(List<PersonSetting> settings, SeedContext context) {
    RestPreferences rest = context.parts().restPreferences();
    for (PersonSetting s : settings) {
      if (s.share() != null) {
        context.parts().summaries().setSharing(context.teamId(), s.user(), s.share());
      }
      RestPrefs prefs = rest.prefs(context.teamId(), s.user());
      if (s.vacationDays() != null) {
        // A pause runs until a date in their own zone, like `/shift rest pause until ...`.
        LocalDate today = LocalDate.ofInstant(context.now(), context.zoneOf(s.user()));
        prefs = prefs.pausedUntil(today.plusDays(s.vacationDays()));
      }
      prefs = s.quiet().map(prefs::withQuiet).orElse(prefs);
      prefs = s.limit().map(prefs::withDailyLimit).orElse(prefs);
      rest.save(context.teamId(), s.user(), prefs);
    }
  }
}
