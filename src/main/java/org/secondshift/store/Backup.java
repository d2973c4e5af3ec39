package org.secondshift.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A consistent copy of the SQLite database, made while the bot runs: {@code VACUUM INTO} reads one
 * snapshot (the write-ahead log lets the bot go on writing meanwhile) and writes a compact file,
 * which is then checked. PostgreSQL is backed up with its own tools.
 */
public final class Backup {
  private Backup() {}

  /** What was copied. */
  public record Copy(Path file, long bytes, long activityRows) {}

  /**
   * Copies the database at {@code from} into the new file {@code to}.
   *
   * @throws IllegalArgumentException when it cannot be done as asked: PostgreSQL, a file that
   *     exists, a folder that does not
   * @throws StoreException when SQLite fails to copy or the copy fails its check
   */
  public static Copy sqliteCopy(DatabaseLocation from, Path to) {
    Path source =
        from.sqliteFile()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the database is PostgreSQL ("
                            + from
                            + "): back it up with pg_dump, as README.md says"));
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException("there is no database at " + source);
    }
    Path target = to.toAbsolutePath();
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " exists already: name a new file");
    }
    if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
      throw new IllegalArgumentException("there is no folder " + target.getParent());
    }
    try (Connection c = DriverManager.getConnection(from.jdbcUrl());
        PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
      try (Statement s = c.createStatement()) {
        // The bot may be mid-commit: wait for its lock rather than failing at once.
        s.execute("PRAGMA busy_timeout = 10000");
      }
      vacuum.setString(1, target.toString());
      vacuum.execute();
    } catch (SQLException e) {
      throw new StoreException(
          "could not copy " + source + " to " + target + ": " + e.getMessage(), e);
    }
    try (Connection c = DriverManager.getConnection(DatabaseLocation.sqlite(target).jdbcUrl());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
        String verdict = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(verdict)) {
          throw new StoreException("the copy at " + target + " failed its check: " + verdict, null);
        }
      }
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM activity")) {
        rows = rs.next() ? rs.getLong(1) : 0;
      }
      return new Copy(target, Files.size(target), rows);
    } catch (SQLException | IOException e) {
      throw new StoreException("could not check the copy at " + target + ": " + e.getMessage(), e);
    }
  }
}
