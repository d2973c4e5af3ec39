package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.install.Installation;
import org.secondshift.install.TokenCipher;
import org.secondshift.testing.Vendor;

/** Installations on each database: sealed tokens, reinstalls, refreshes and OAuth states. */
@ParameterizedClass
@EnumSource(Vendor.class)
class InstallationStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  private static final byte[] KEY =
      "second-shift-test-token-key-32by".getBytes(StandardCharsets.US_ASCII);

  @Parameter Vendor vendor;
  @TempDir Path dir;
  private Database db;
  private InstallationStore store;

  @BeforeEach
  void open() {
    db = Database.open(vendor.fresh(dir));
    store = new InstallationStore(db, new TokenCipher(KEY));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Installation alpha(String token, String refresh, Instant expires) {
    return new Installation(
        "T0ALPHA",
        null,
        "Alpha",
        "A0APP",
        "U0BOT",
        "B0BOT",
        "chat:write",
        "U0ADMIN",
        T0,
        token,
        refresh,
        expires);
  }

  @Test
  void aReinstallReplacesTheRowAndTokensOpenOnlyForTheirTeamAndKey() {
    store.save(alpha("xoxb-first", null, null));
    store.save(alpha("xoxb-second", null, null));
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.find("T0ALPHA"))
        .hasValueSatisfying(i -> assertThat(i.botToken()).isEqualTo("xoxb-second"));
    assertThat(store.find("T0OTHER")).isEmpty();

    TokenCipher cipher = new TokenCipher(KEY);
    String sealed = cipher.seal("T0ALPHA", "xoxb-second");
    assertThat(sealed).startsWith("v1:").doesNotContain("xoxb");
    assertThat(cipher.seal("T0ALPHA", "xoxb-second")).isNotEqualTo(sealed);
    assertThatThrownBy(() -> cipher.open("T0BETA", sealed))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] other = KEY.clone();
    other[0] ^= 1;
    InstallationStore wrongKey = new InstallationStore(db, new TokenCipher(other));
    assertThatThrownBy(() -> wrongKey.find("T0ALPHA"))
        .hasStackTraceContaining("another key sealed it");
  }

  @Test
  void onlyTheFirstOfTwoRefreshesOfOneTokenLands() {
    Instant expires = T0.plusSeconds(43_200);
    store.save(alpha("xoxb-old", "xoxe-old", expires));
    Instant later = expires.plusSeconds(43_200);
    assertThat(store.replaceToken("T0ALPHA", expires, "xoxb-a", "xoxe-a", later)).isTrue();
    assertThat(store.replaceToken("T0ALPHA", expires, "xoxb-b", "xoxe-b", later)).isFalse();
    assertThat(store.find("T0ALPHA").orElseThrow())
        .satisfies(
            i -> {
              assertThat(i.botToken()).isEqualTo("xoxb-a");
              assertThat(i.refreshToken()).isEqualTo("xoxe-a");
              assertThat(i.tokenExpiresAt()).isEqualTo(later);
              assertThat(i.toString()).doesNotContain("xoxb-a").doesNotContain("xoxe-a");
            });
  }

  @Test
  void anOAuthStateIsGoodUntilItExpiresOrIsTaken() {
    store.addState("s1", T0.plusSeconds(600), T0);
    store.addState("s2", T0.plusSeconds(600), T0);
    assertThat(store.hasState("s1", T0.plusSeconds(599))).isTrue();
    assertThat(store.hasState("s1", T0.plusSeconds(600))).isFalse();
    assertThat(store.hasState("nope", T0)).isFalse();
    store.takeState("s2");
    assertThat(store.hasState("s2", T0)).isFalse();
  }

  @Test
  void erasingATeamLeavesNoRowWithItsIdAndOthersUntouched() {
    store.save(alpha("xoxb-first", null, null));
    db.write(
        h ->
            h.execute(
                "INSERT INTO person (team_id, user_id, zone) VALUES ('T0ALPHA', 'U1', 'UTC'),"
                    + " ('T0BETA', 'U2', 'UTC')"));
    assertThat(new TeamData(db).erase("T0ALPHA")).isEqualTo(2);
    assertThat(store.find("T0ALPHA")).isEmpty();
    long left = db.read(h -> h.createQuery("SELECT COUNT(*) FROM person").mapTo(Long.class).one());
    assertThat(left).isEqualTo(1);
  }
}
