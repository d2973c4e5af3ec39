package org.secondshift.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The database behind the hour log, migrated by Flyway for its vendor (see {@link Dialect}).
 *
 * <p>SQLite allows one writer at a time, so there all writes go through one writer thread and never
 * fail half way with SQLITE_BUSY; readers go on in parallel thanks to WAL. The writer commits the
 * writes that queued up while it was busy in one transaction (group commit): one commit instead of
 * one per write, and no hand-over of a lock between request threads. PostgreSQL gets the same
 * writer per instance, for the same saving; when a shared transaction fails there, each write is
 * run again alone, and again while it loses a conflict with another transaction (possibly on
 * another instance). Either way a caller returns only after the transaction holding its write has
 * committed.
 *
 * <p>A caller that must answer in time (Slack wants an answer within three seconds) runs its work
 * {@link #within} a budget: a write that has not begun when the budget is spent is given up and
 * never applied, and the caller gets a {@link StoreException}, so it can ask Slack to retry rather
 * than answer late. On SQLite that happens when another process holds the file's write lock.
 */
public final class Database implements AutoCloseable {
  /** Most writes committed together; bounds how long one transaction holds the file. */
  static final int MAX_BATCH = 128;

  private static final int QUEUE_CAPACITY = 8_192;

  /** How long a caller waits for the writer, like SQLite's own busy timeout and then some. */
  private static final long WAIT_MILLIS = 30_000;

  /** How often a PostgreSQL transaction that lost a conflict is tried again. */
  private static final int CONFLICT_ATTEMPTS = 5;

  /** SQLite's result codes for "another connection holds the lock" (low byte of extended ones). */
  private static final int SQLITE_BUSY = 5;

  private static final int SQLITE_LOCKED = 6;

  private final DatabaseLocation location;
  private final Dialect dialect;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final BlockingQueue<Write<?>> writes = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread writer;

  /** The {@link System#nanoTime()} by which this thread's writes must have begun, if any. */
  private final ThreadLocal<Long> deadline = new ThreadLocal<>();

  private volatile boolean closed;
  private volatile WriteObserver writeObserver = (writes, nanos) -> {};

  /** Told of each batch the writer commits: how many writes it held and how long it took. */
  public interface WriteObserver {
    void committed(int writes, long nanos);
  }

  private Database(DatabaseLocation location, Dialect dialect, HikariDataSource dataSource) {
    this.location = location;
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    this.writer = new Thread(this::writeLoop, "second-shift-db-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** From now on tells {@code observer} of each batch the writer commits. */
  public void observeWrites(WriteObserver observer) {
    this.writeObserver = observer;
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
      Flyway flyway =
          Flyway.configure().dataSource(dataSource).locations(dialect.migrations()).load();
      refuseNewerSchema(flyway, location);
      flyway.migrate();
    } catch (StoreException e) {
      dataSource.close();
      throw e;
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("could not migrate database " + location, e);
    }
    return new Database(location, dialect, dataSource);
  }

  /**
   * A database that a newer release has migrated further than this one knows is left alone: this
   * release would misread what it cannot know, and a downgrade is a restore of the backup taken
   * before the upgrade.
   */
  private static void refuseNewerSchema(Flyway flyway, DatabaseLocation location) {
    MigrationInfo[] all = flyway.info().all();
    MigrationVersion known =
        Arrays.stream(all)
            .filter(m -> m.getVersion() != null && !m.getState().name().startsWith("FUTURE"))
            .map(MigrationInfo::getVersion)
            .max(MigrationVersion::compareTo)
            .orElse(MigrationVersion.EMPTY);
    Arrays.stream(all)
        .filter(m -> m.getState().name().startsWith("FUTURE"))
        .map(MigrationInfo::getVersion)
        .max(MigrationVersion::compareTo)
        .ifPresent(
            newer -> {
              throw new StoreException(
                  "database "
                      + location
                      + " has schema version "
                      + newer
                      + ", newer than this release of Second Shift knows (up to "
                      + known
                      + "): a newer release upgraded it. Run that release, or restore the backup"
                      + " made before the upgrade.",
                  null);
            });
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
   * Runs {@code work} (typically a whole request) so that each write it makes either begins within
   * {@code budget} from now or is given up unapplied with a {@link StoreException}. Nested calls
   * keep the earlier deadline.
   */
  public <T> T within(Duration budget, Callable<T> work) throws Exception {
    Long outer = deadline.get();
    long mine = System.nanoTime() + budget.toNanos();
    deadline.set(outer != null && outer - mine < 0 ? outer : mine);
    try {
      return work.call();
    } finally {
      if (outer == null) {
        deadline.remove();
      } else {
        deadline.set(outer);
      }
    }
  }

  /** Milliseconds left of this thread's budget (at least 1), or the default wait without one. */
  private long waitMillis() {
    Long end = deadline.get();
    if (end == null) {
      return WAIT_MILLIS;
    }
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
  }

  /**
   * Runs {@code work} in a write transaction, possibly shared with other callers' writes, and
   * returns once that transaction has committed. {@code work} must only touch the database: it may
   * run a second time, alone, if the shared transaction fails.
   */
  public <T> T write(HandleCallback<T, RuntimeException> work) {
    return write(List.of(), work);
  }

  /**
   * As {@link #write(HandleCallback)}, holding the named locks (e.g. {@code person/T1/U1}) for the
   * whole transaction before {@code work} runs. A shared transaction takes the locks of all its
   * writes at once, sorted, so that two instances' transactions never wait on each other in a
   * circle; {@code work} itself must not take locks.
   */
  public <T> T write(Collection<String> locks, HandleCallback<T, RuntimeException> work) {
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException("a write may not start another write");
    }
    Write<T> write = new Write<>(work, deadline.get(), List.copyOf(locks));
    long wait = waitMillis();
    try {
      if (closed || !writes.offer(write, wait, TimeUnit.MILLISECONDS)) {
        throw new StoreException("database is closed or its writer is overloaded", null);
      }
      if (closed && !writer.isAlive() && writes.remove(write)) {
        throw new StoreException("database closed", null);
      }
      try {
        return write.done.get(waitMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (write.abandon()) {
          throw new StoreException(
              "write not begun within " + wait + " ms (is the database locked?); not applied", e);
        }
        // The writer has begun it: the transaction holds the lock, so its outcome is near.
        return write.done.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
      }
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
        // False while another process holds the lock: again with whoever still waits, and
        // newcomers (SQLite's busy timeout paces the attempts, the short poll backs it up).
        while (!commit(batch)) {
          batch.removeIf(Write::abandoned);
          if (closed) {
            batch.forEach(w -> w.fail(new StoreException("database closed", null)));
            break;
          }
          Write<?> next = batch.size() < MAX_BATCH ? writes.poll(20, TimeUnit.MILLISECONDS) : null;
          if (next != null) {
            batch.add(next);
            writes.drainTo(batch, MAX_BATCH - batch.size());
          }
          if (batch.isEmpty()) {
            break;
          }
        }
      } catch (InterruptedException e) {
        closed = true;
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * All in one transaction; if that fails, each alone so one bad write fails only itself. A write
   * is claimed only once the transaction holds the lock, so a caller that gave up before then is
   * skipped. On PostgreSQL waits for other transactions' locks end at the earliest deadline among
   * the claimed writes. Returns false, having claimed nothing, when the lock could not be had.
   */
  private boolean commit(List<Write<?>> batch) {
    List<Write<?>> claimed = new ArrayList<>(batch.size());
    List<Object> results = new ArrayList<>(batch.size());
    RuntimeException failure;
    long start = System.nanoTime();
    try {
      jdbi.useTransaction(
          h -> {
            for (Write<?> w : batch) {
              if (w.claim()) {
                claimed.add(w);
              }
            }
            claimed.stream()
                .map(w -> w.deadline)
                .filter(java.util.Objects::nonNull)
                .min(Long::compare)
                .ifPresent(end -> dialect.limitLockWait(h, millisUntil(end)));
            lockInOrder(h, claimed);
            for (Write<?> w : claimed) {
              results.add(w.work.withHandle(h));
            }
          });
      writeObserver.committed(claimed.size(), System.nanoTime() - start);
      for (int i = 0; i < claimed.size(); i++) {
        claimed.get(i).succeed(results.get(i));
      }
      return true;
    } catch (RuntimeException e) {
      failure = e;
    }
    if (claimed.isEmpty()) {
      return !isLocked(failure);
    }
    if (claimed.size() == 1 && !dialect.isConflict(failure) && !dialect.isLockWaitOver(failure)) {
      // Alone already: running it again would fail the same way.
      claimed.get(0).fail(failure);
      return true;
    }
    for (Write<?> w : claimed) {
      try {
        w.succeed(alone(w));
      } catch (RuntimeException | Error e) {
        w.fail(e);
      }
    }
    return true;
  }

  /**
   * One write in a transaction of its own, run again while it loses conflicts (PostgreSQL), and
   * given up unapplied once its deadline has passed.
   */
  private <T> T alone(Write<T> w) {
    for (int attempt = 1; ; attempt++) {
      if (w.deadline != null && w.deadline - System.nanoTime() <= 0) {
        throw new StoreException("write not done within its budget; not applied", null);
      }
      try {
        return jdbi.inTransaction(
            h -> {
              if (w.deadline != null) {
                dialect.limitLockWait(h, millisUntil(w.deadline));
              }
              lockInOrder(h, List.of(w));
              return w.work.withHandle(h);
            });
      } catch (RuntimeException e) {
        if (dialect.isLockWaitOver(e)) {
          throw new StoreException("write waited past its budget for a lock; not applied", e);
        }
        if (attempt >= CONFLICT_ATTEMPTS || !dialect.isConflict(e)) {
          throw e;
        }
      }
    }
  }

  /** Takes the locks the writes name, each once, in one order every instance follows. */
  private void lockInOrder(Handle h, List<Write<?>> writes) {
    writes.stream()
        .flatMap(w -> w.locks.stream())
        .distinct()
        .sorted()
        .forEach(key -> dialect.lock(h, key));
  }

  private static long millisUntil(long nanoDeadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanoDeadline - System.nanoTime()));
  }

  /** Whether SQLite refused because another connection (another process) holds the lock. */
  private static boolean isLocked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        int primary = s.getErrorCode() & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
          return true;
        }
      }
    }
    return false;
  }

  /** One caller's write, the future it waits on, and who got to it first: writer or caller. */
  private static final class Write<T> {
    private static final int WAITING = 0;
    private static final int CLAIMED = 1;
    private static final int ABANDONED = 2;

    final HandleCallback<T, RuntimeException> work;

    /** The {@link System#nanoTime()} by which the caller needs it done, or null. */
    final Long deadline;

    /** The named locks its transaction must hold before the work runs. */
    final List<String> locks;

    final CompletableFuture<T> done = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(WAITING);

    Write(HandleCallback<T, RuntimeException> work, Long deadline, List<String> locks) {
      this.work = work;
      this.deadline = deadline;
      this.locks = locks;
    }

    /** The writer takes it on; false when the caller already gave up. */
    boolean claim() {
      return state.compareAndSet(WAITING, CLAIMED) || state.get() == CLAIMED;
    }

    /** The caller gives up; false when the writer already took it on. */
    boolean abandon() {
      return state.compareAndSet(WAITING, ABANDONED);
    }

    boolean abandoned() {
      return state.get() == ABANDONED;
    }

    @SuppressWarnings("unchecked")
    void succeed(Object result) {
      done.complete((T) result);
    }

    void fail(Throwable e) {
      done.completeExceptionally(e);
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
      w.fail(new StoreException("database closed", null));
    }
    dataSource.close();
  }
}
