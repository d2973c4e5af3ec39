package org.secondshift.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the bot's SQLite file on a connection of its own, as an outsider would. */
public final class DbPeek {
  private DbPeek() {}

  public static long count(Path file, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + file + ": " + e.getMessage(), e);
    }
  }
}
