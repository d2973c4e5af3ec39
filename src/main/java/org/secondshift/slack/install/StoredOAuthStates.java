package org.secondshift.slack.install;

import com.slack.api.bolt.service.OAuthStateService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.secondshift.store.InstallationStore;

/**
 * The state parameter of each OAuth flow, kept in the database (so the installer may come back to
 * any instance) as well as in the installer's cookie, as Bolt checks both. A state is good for ten
 * minutes and for one callback.
 */
public final class StoredOAuthStates implements OAuthStateService {
  private final InstallationStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public StoredOAuthStates(InstallationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String generateNewStateValue() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void addNewStateToDatastore(String state) {
    store.addState(state, clock.instant().plusSeconds(getExpirationInSeconds()), clock.instant());
  }

  @Override
  public boolean isAvailableInDatabase(String state) {
    return store.hasState(state, clock.instant());
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    store.takeState(state);
  }
}
