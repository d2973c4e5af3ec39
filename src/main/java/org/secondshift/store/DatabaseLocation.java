package org.secondshift.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bot keeps its data: a SQLite file (the embedded default, one instance) or a PostgreSQL
 * server that several instances share.
 *
 * @param jdbcUrl {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db}
 * @param user PostgreSQL user, or null when the URL carries it (always null for SQLite)
 * @param password PostgreSQL password, or null; never printed
 */
public record DatabaseLocation(String jdbcUrl, String user, String password) {
  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRES = "jdbc:postgresql://";

  public DatabaseLocation {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith(SQLITE) && !jdbcUrl.startsWith(POSTGRES)) {
      throw new IllegalArgumentException(
          "database URL must start with jdbc:postgresql:// (or be a SQLite file path)");
    }
    if (jdbcUrl.startsWith(SQLITE) && jdbcUrl.length() == SQLITE.length()) {
      throw new IllegalArgumentException("SQLite database file required");
    }
  }

  /** A SQLite file, created with its parent folders if missing. */
  public static DatabaseLocation sqlite(Path file) {
    return new DatabaseLocation(SQLITE + file.toAbsolutePath(), null, null);
  }

  /** A PostgreSQL server; {@code user} and {@code password} may be null when the URL has them. */
  public static DatabaseLocation postgres(String url, String user, String password) {
    if (url == null || !url.startsWith(POSTGRES)) {
      throw new IllegalArgumentException("PostgreSQL URL must start with jdbc:postgresql://");
    }
    return new DatabaseLocation(url, user, password);
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith(POSTGRES);
  }

  /** The SQLite file, when this is one. */
  public Optional<Path> sqliteFile() {
    return isPostgres()
        ? Optional.empty()
        : Optional.of(Path.of(jdbcUrl.substring(SQLITE.length())));
  }

  Dialect dialect() {
    return isPostgres() ? new PostgresDialect() : new SqliteDialect();
  }

  @Override
  public String toString() {
    // The URL may carry a password as a parameter; only what names the place is shown.
    int query = jdbcUrl.indexOf('?');
    String place = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    return user == null ? place : place + " as " + user;
  }
}
