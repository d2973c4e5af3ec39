package org.secondshift.testing;

import org.secondshift.store.Database;

/** What a later release's first migration leaves behind: a version this one does not know. */
public final class LaterRelease {
  /** The schema version the later release migrated to. */
  public static final int VERSION = 900;

  private LaterRelease() {}

  /** Records in Flyway's history that a later release migrated {@code db} to {@link #VERSION}. */
  public static void migrated(Database db) {
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO flyway_schema_history (installed_rank, version, description,"
                        + " type, script, checksum, installed_by, execution_time, success)"
                        + " VALUES (:v, :version, 'from a later release', 'SQL',"
                        + " 'V900__later.sql', 0, 'later', 1, :ok)")
                .bind("v", VERSION)
                .bind("version", Integer.toString(VERSION))
                .bind("ok", true)
                .execute());
  }
}
