package org.secondshift.store;

import com.zaxxer.hikari.HikariConfig;
import org.jdbi.v3.core.Handle;

/** PostgreSQL shared by several instances: concurrent transactions, row locks, advisory locks. */
final class PostgresDialect implements Dialect {
  // serialization_failure and deadlock_detected: the other transaction won, run again.
  private static final String[] CONFLICTS = {"40001", "40P01"};

  // lock_not_available: lock_timeout ran out while waiting (advisory locks included).
  private static final String LOCK_WAIT_OVER = "55P03";

  @Override
  public String migrations() {
    return "classpath:db/migration/postgresql";
  }

  @Override
  public HikariConfig pool(DatabaseLocation location) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(location.jdbcUrl());
    if (location.user() != null) {
      hikari.setUsername(location.user());
    }
    if (location.password() != null) {
      hikari.setPassword(location.password());
    }
    hikari.setMaximumPoolSize(16);
    hikari.setConnectionTimeout(10_000);
    hikari.setPoolName("second-shift-postgresql");
    hikari.addDataSourceProperty("ApplicationName", "second-shift");
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    return hikari;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public String forClaim() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public void lock(Handle h, String key) {
    // Held until the transaction ends; hashtext spreads keys over the 64-bit lock space.
    h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS held")
        .bind("key", key)
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public boolean isConflict(Throwable e) {
    return Dialect.hasSqlState(e, CONFLICTS);
  }

  @Override
  public void limitLockWait(Handle h, long millis) {
    // Local to the transaction: the pooled connection goes back without it.
    h.createQuery("SELECT set_config('lock_timeout', :limit, true)")
        .bind("limit", millis + "ms")
        .mapTo(String.class)
        .one();
  }

  @Override
  public boolean isLockWaitOver(Throwable e) {
    return Dialect.hasSqlState(e, LOCK_WAIT_OVER);
  }

  @Override
  public void reclaim(Handle h) {
    // Deleted rows are unreachable at once; autovacuum reuses their space. Nothing to force here.
  }
}
