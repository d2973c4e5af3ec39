package org.secondshift.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.secondshift.store.DatabaseLocation;

/** Reads the bot's database on a connection of its own, as an outsider would. */
public final class DbPeek {
  private DbPeek() {}

  public static long count(Path file, String sql) {
    return count(DatabaseLocation.sqlite(file), sql);
  }

  public static long count(DatabaseLocation at, String sql) {
    try (Connection c = DriverManager.getConnection(at.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + at + ": " + e.getMessage(), e);
    }
  }
}
