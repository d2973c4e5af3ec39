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

  /** Each row of {@code sql}'s result, its columns joined by {@code |}, in the result's order. */
  public static java.util.List<String> rows(DatabaseLocation at, String sql) {
    java.util.List<String> rows = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection(at.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + at + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every (table, column) whose values contain {@code text}, across the whole database: the tables
   * from the driver's catalogue, so the same walk covers SQLite and PostgreSQL's public schema.
   */
  public static java.util.List<String> columnsContaining(DatabaseLocation at, String text) {
    java.util.List<String> hits = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection(at.jdbcUrl());
        Statement s = c.createStatement()) {
      java.util.List<String> tables = new java.util.ArrayList<>();
      String schema = at.isPostgres() ? "public" : null;
      try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object v = rs.getObject(i);
              String shown =
                  v instanceof byte[] b
                      ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                      : String.valueOf(v);
              if (shown.contains(text)) {
                hits.add(table + ":" + rs.getMetaData().getColumnName(i));
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + at + ": " + e.getMessage(), e);
    }
    return hits;
  }
}
