package org.secondshift.rest;

/** Where each person's rest choices are kept; implemented by the store. */
public interface RestPreferences {
  /** Their choices, or {@link RestPrefs#defaults()} when they never made any. */
  RestPrefs prefs(String teamId, String userId);

  void save(String teamId, String userId, RestPrefs prefs);
}
