package org.secondshift.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.secondshift.store.Database;
import org.secondshift.store.DatabaseLocation;

/**
 * The two databases the bot runs on. Tests that must hold on both take a vendor and ask it for a
 * fresh, empty database: a new SQLite file, or a new database on the PostgreSQL server that {@code
 * bin/test} starts (its URL in {@value #SERVER}).
 */
public enum Vendor {
  SQLITE,
  POSTGRESQL;

  /** The admin URL of the PostgreSQL server the tests may create databases on. */
  public static final String SERVER = "SECOND_SHIFT_TEST_POSTGRES";

  /** An empty database of this vendor; {@code dir} holds a SQLite file. */
  public DatabaseLocation fresh(Path dir) {
    return this == SQLITE
        ? DatabaseLocation.sqlite(dir.resolve("test-" + UUID.randomUUID() + ".db"))
        : freshPostgres();
  }

  /**
   * A database of this vendor with the schema in place and no rows, as a bot leaves it the moment
   * its migrations end. On PostgreSQL it is copied from a template migrated once per test run,
   * which spares each test the migrations; on SQLite a new file migrates fast enough.
   */
  public DatabaseLocation migrated(Path dir) {
    if (this == SQLITE) {
      return fresh(dir);
    }
    String server = server();
    String copy = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute(server, "CREATE DATABASE " + copy + " TEMPLATE " + template(server));
    return at(server, copy);
  }

  private static String migratedTemplate;

  private static synchronized String template(String server) {
    if (migratedTemplate == null) {
      DatabaseLocation empty = freshPostgres(server);
      Database.open(empty).close();
      String url = empty.jdbcUrl();
      migratedTemplate = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }
    return migratedTemplate;
  }

  private static String server() {
    String server = System.getenv(SERVER);
    if (server == null || server.isBlank()) {
      throw new IllegalStateException(
          SERVER
              + " is not set: these tests need a PostgreSQL server. Run bin/test (or"
              + " bin/with-postgres mvn ...), which starts one.");
    }
    return server;
  }

  private static DatabaseLocation freshPostgres() {
    return freshPostgres(server());
  }

  /**
   * A new, empty database on the PostgreSQL server at {@code server} (a JDBC URL of a database
   * there whose user may create databases); its URL keeps the server's parameters.
   */
  public static DatabaseLocation freshPostgres(String server) {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute(server, "CREATE DATABASE " + name);
    return at(server, name);
  }

  private static void execute(String server, String sql) {
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a test database: " + e.getMessage(), e);
    }
  }

  /** The URL of database {@code name} on {@code server}, with the server's parameters. */
  private static DatabaseLocation at(String server, String name) {
    int slash = server.indexOf('/', "jdbc:postgresql://".length());
    int query = server.indexOf('?', slash);
    String url = server.substring(0, slash + 1) + name + (query < 0 ? "" : server.substring(query));
    return DatabaseLocation.postgres(url, null, null);
  }
}
