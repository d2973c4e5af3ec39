package org.secondshift.store;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * What differs between SQLite and PostgreSQL, and nothing else: the connection pool, how writes are
 * serialised, claiming rows, keeping one writer per key, and reclaiming deleted data. Every other
 * statement in {@code store/} is the same on both.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {
  /** Where Flyway finds this vendor's migrations (same version numbers on both). */
  String migrations();

  /** The pool for {@code location}, with the vendor's connection settings. */
  HikariConfig pool(DatabaseLocation location);

  /** Whether several instances may share the database (PostgreSQL), or it is one's own (SQLite). */
  boolean shared();

  /**
   * Appended to a {@code SELECT} that picks rows to claim: on PostgreSQL it locks them and skips
   * rows another transaction holds, so two nodes never claim the same row.
   */
  String forClaim();

  /**
   * Within the caller's transaction, waits until no other transaction writes for {@code key} (a
   * person, a rotation), so that read-then-write folds cannot lose an update.
   */
  void lock(Handle h, String key);

  /** Whether the transaction failed only because of another one, and may simply run again. */
  boolean isConflict(Throwable e);

  /**
   * Within the caller's transaction, makes any wait for another transaction's lock longer than
   * {@code millis} fail that transaction, unapplied. SQLite takes its one lock before the work
   * begins, so there is nothing to bound there.
   */
  void limitLockWait(Handle h, long millis);

  /** Whether the transaction failed because a wait set by {@link #limitLockWait} ran out. */
  boolean isLockWaitOver(Throwable e);

  /** After a deletion, makes sure the deleted rows leave the files too. */
  void reclaim(Handle h);

  static boolean hasSqlState(Throwable e, String... states) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        for (String state : states) {
          if (state.equals(s.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
