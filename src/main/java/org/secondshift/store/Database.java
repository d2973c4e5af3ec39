package org.secondshift.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The database behind the hour log, migrated by Flyway for its vendor (see {@link Dialect}).
 *
 * <p>SQLite allows one writer at a time, so there all writes go through one writer thread and never
 * fail half way with SQLITE_BUSY; readers go on in parallel thanks to WAL. The writer commits the
 * writes that queued up while it was busy in one transaction (group commit): one commit instead of
 * one per write, and no hand-over of a lock between request threads. On PostgreSQL each write is
 * its own transaction on the caller's thread, run again when it lost a conflict with another
 * transaction (possibly on another instance). Either way a caller returns only after the
 * transaction holding its write has committed.
 */
public final class Database implements AutoCloseable {
  /** Most writes committed together; bounds how long one transaction holds the file. */
  static final int MAX_BATCH = 128;

  private static final int QUEUE_CAPACITY = 8_192;

  /** How long a caller waits for the writer, like SQLite's own busy timeout and then some. */
  private static final long WAIT_MILLIS = 30_000;

  /** How often a PostgreSQL transaction that lost a conflict is tried again. */
  private static final int CONFLICT_ATTEMPTS = 5;

  private final DatabaseLocation location;
  private final Dialect dialect;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final BlockingQueue<Write<?>> writes = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread writer;
  private volatile boolean closed;

  private Database(DatabaseLocation location, Dialect dialect, HikariDataSource dataSource) {
    this.location = location;
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.writer = new Thread(this::writeLoop, "second-shift-db-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Opens (creating if needed) and migrates the SQLite file. */
  public static Database open(Path file) {
    return open(DatabaseLocation.sqlite(file));
  }

  /** Connects to (creating the file if needed) and migrates the database at {@code location}. */
  public static Database open(DatabaseLocation location) {
    Dialect dialect = location.dialect();
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(dialect.pool(location));
    } catch (RuntimeException e) {
      throw new StoreException(
          "could not connect to database " + location + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure().dataSource(dataSource).locations(dialect.migrations()).load().migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("could not migrate database " + location, e);
    }
    return new Database(location, dialect, dataSource);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** Where this database lives, safe to print. */
  public DatabaseLocation location() {
    return location;
  }

  /**
   * The connection pool, when several instances may share this database (PostgreSQL): Quartz's
   * cluster keeps its tables there.
   */
  public Optional<DataSource> sharedPool() {
    return shared() ? Optional.of(dataSource) : Optional.empty();
  }

  /** Whether several instances may share this database (PostgreSQL). */
  public boolean shared() {
    return dialect.shared();
  }

  /** What differs between the vendors, for the stores in this package. */
  Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in a write transaction, possibly shared with other callers' writes, and
   * returns once that transaction has committed. {@code work} must only touch the database: it may
   * run a second time, alone, if the shared transaction fails.
   */
  public <T> T write(HandleCallback<T, RuntimeException> work) {
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException("a write may not start another write");
    }
    Write<T> write = new Write<>(work);
    try {
      if (closed || !writes.offer(write, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new StoreException("database is closed or its writer is overloaded", null);
      }
      if (closed && !writer.isAlive() && writes.remove(write)) {
        throw new StoreException("database closed", null);
      }
      return write.done.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a write", e);
    } catch (TimeoutException e) {
      throw new StoreException("write not committed within " + WAIT_MILLIS + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreException("write failed", cause);
    }
  }

  private void writeLoop() {
    List<Write<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !writes.isEmpty()) {
      try {
        Write<?> first = writes.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        writes.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        closed = true;
      } finally {
        batch.clear();
      }
    }
  }

  /** All in one transaction; if that fails, each alone so one bad write fails only itself. */
  private void commit(List<Write<?>> batch) {
    if (batch.size() > 1) {
      List<Object> results = new ArrayList<>(batch.size());
      try {
        jdbi.useTransaction(
            h -> {
              for (Write<?> w : batch) {
                results.add(w.work.withHandle(h));
              }
            });
      } catch (RuntimeException e) {
        results.clear();
      }
      if (results.size() == batch.size()) {
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).succeed(results.get(i));
        }
        return;
      }
    }
    for (Write<?> w : batch) {
      try {
        w.succeed(alone(w.work));
      } catch (RuntimeException | Error e) {
        w.done.completeExceptionally(e);
      }
    }
  }

  /** One write in a transaction of its own, run again while it loses conflicts (PostgreSQL). */
  private <T> T alone(HandleCallback<T, RuntimeException> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(work);
      } catch (RuntimeException e) {
        if (attempt >= CONFLICT_ATTEMPTS || !dialect.isConflict(e)) {
          throw e;
        }
      }
    }
  }

  /** One caller's write and the future it waits on. */
  private static final class Write<T> {
    final HandleCallback<T, RuntimeException> work;
    final CompletableFuture<T> done = new CompletableFuture<>();

    Write(HandleCallback<T, RuntimeException> work) {
      this.work = work;
    }

    @SuppressWarnings("unchecked")
    void succeed(Object result) {
      done.complete((T) result);
    }
  }

  /** Runs a read on its own connection. */
  public <T> T read(HandleCallback<T, RuntimeException> work) {
    return jdbi.withHandle(work);
  }

  /** Makes sure deleted data leaves the database's files too (SQLite: empties the WAL). */
  public void checkpoint() {
    // A checkpoint cannot run inside a transaction, so not through the writer.
    jdbi.useHandle(dialect::reclaim);
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
    closed = true;
    try {
      writer.join(WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Write<?> w = writes.poll(); w != null; w = writes.poll()) {
      w.done.completeExceptionally(new StoreException("database closed", null));
    }
    dataSource.close();
  }
}
