package org.secondshift.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.secondshift.testing.DbPeek;
import org.secondshift.testing.LaterRelease;
import org.secondshift.testing.Vendor;

/**
 * A database that a newer release has already migrated further stops this one at start, with a
 * message that says what to do, and is left as it was.
 */
@ParameterizedClass
@EnumSource(Vendor.class)
class NewerSchemaTest {
  @Parameter Vendor vendor;
  @TempDir Path dir;

  @Test
  void aSchemaNewerThanThisReleaseKnowsStopsTheStartWithWhatToDo() {
    DatabaseLocation at = vendor.fresh(dir);
    long applied;
    try (Database db = Database.open(at)) {
      LaterRelease.migrated(db);
      applied =
          db.read(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM flyway_schema_history")
                      .mapTo(Long.class)
                      .one());
    }

    assertThatThrownBy(() -> Database.open(at))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("has schema version 900, newer than this release of Second Shift")
        .hasMessageContaining("Run that release, or restore the backup");

    // Nothing was migrated or changed by the refused start.
    assertThat(count(at, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(applied);
  }

  private static long count(DatabaseLocation at, String sql) {
    return DbPeek.count(at, sql);
  }
}
