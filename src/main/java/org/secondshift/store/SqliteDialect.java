package org.secondshift.store;

import com.zaxxer.hikari.HikariConfig;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;

/** The embedded default: one file, WAL, one writer thread, so no two writers ever meet. */
final class SqliteDialect implements Dialect {
  @Override
  public String migrations() {
    return "classpath:db/migration/sqlite";
  }

  @Override
  public HikariConfig pool(DatabaseLocation location) {
    location
        .sqliteFile()
        .map(f -> f.toAbsolutePath().getParent())
        .ifPresent(p -> p.toFile().mkdirs());
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // NORMAL in WAL mode keeps every commit safe from a process crash (kill -9); only an
    // OS crash or power loss could lose the last commits.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.setBusyTimeout(5_000);
    sqlite.enforceForeignKeys(true);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    // Deleted rows are overwritten, not just unlinked, so that a forgotten person's ids do not
    // linger in free pages of the file.
    sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(location.jdbcUrl());
    hikari.setDataSourceProperties(sqlite.toProperties());
    hikari.setMaximumPoolSize(4);
    hikari.setPoolName("second-shift-sqlite");
    return hikari;
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public String forClaim() {
    // The single writer already keeps claims apart.
    return "";
  }

  @Override
  public void lock(Handle h, String key) {
    // One writer thread: nobody else writes while this transaction runs.
  }

  @Override
  public boolean isConflict(Throwable e) {
    return false;
  }

  @Override
  public void limitLockWait(Handle h, long millis) {
    // The writer holds the file's lock from BEGIN on; a write not begun by its deadline is dropped.
  }

  @Override
  public boolean isLockWaitOver(Throwable e) {
    return false;
  }

  @Override
  public void reclaim(Handle h) {
    // Copies the write-ahead log into the main file and empties it, so deleted data leaves both.
    h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list();
  }
}
