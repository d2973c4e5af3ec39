package org.secondshift.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file behind the hour log: WAL, a busy timeout, foreign keys, migrated by Flyway.
 *
 * <p>SQLite allows one writer at a time; writes are serialised in-process so that a transaction
 * never fails half way with SQLITE_BUSY, and readers go on in parallel thanks to WAL.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final ReentrantLock writeLock = new ReentrantLock(true);

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens (creating if needed) and migrates the database file. */
  public static Database open(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      parent.toFile().mkdirs();
    }
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // NORMAL in WAL mode keeps every commit safe from a process crash (kill -9); only an
    // OS crash or power loss could lose the last commits.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.setBusyTimeout(5_000);
    sqlite.enforceForeignKeys(true);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    hikari.setDataSourceProperties(sqlite.toProperties());
    hikari.setMaximumPoolSize(4);
    hikari.setPoolName("second-shift-db");
    HikariDataSource dataSource = new HikariDataSource(hikari);
    try {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("could not migrate database " + file, e);
    }
    return new Database(dataSource);
  }

  /** Runs one write transaction; only one runs at a time. */
  public <T> T write(HandleCallback<T, RuntimeException> work) {
    writeLock.lock();
    try {
      return jdbi.inTransaction(work);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs a read on its own connection. */
  public <T> T read(HandleCallback<T, RuntimeException> work) {
    return jdbi.withHandle(work);
  }

  /** Whether a trivial query answers; for the health check. */
  public boolean isUp() {
    try {
      return read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
