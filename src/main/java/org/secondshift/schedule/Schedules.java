package org.secondshift.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.TriggerListenerSupport;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz, with triggers derived from definitions in the database and rebuilt at start, so nothing
 * about a schedule lives only in Quartz. On SQLite (one instance) Quartz keeps them in memory; on
 * PostgreSQL the instances share Quartz's JDBC job store as a cluster, so each trigger fires on one
 * instance, and a job an instance died in is run again by another. Jobs are built by the suppliers
 * given here (constructor injection), never by reflection.
 */
public final class Schedules implements AutoCloseable {
  /** The cluster's name in Quartz's tables: every instance on one database shares it. */
  static final String CLUSTER = "second-shift";

  private final Scheduler scheduler;
  private final boolean clustered;

  private Schedules(Properties p, boolean clustered) {
    this.clustered = clustered;
    p.setProperty("org.quartz.threadPool.class", JobThreads.class.getName());
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    try {
      StdSchedulerFactory factory = new StdSchedulerFactory(p);
      this.scheduler = factory.getScheduler();
      // Quartz keeps schedulers in a JVM-wide registry by name, and hands out the registered one
      // when asked for the name again; each bot keeps its own scheduler to itself.
      SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not create the Quartz scheduler", e);
    }
  }

  /** One instance: triggers in memory, rebuilt from the database at every start. */
  public static Schedules inMemory() {
    Properties p = new Properties();
    p.setProperty(
        StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "second-shift-" + UUID.randomUUID());
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    return new Schedules(p, false);
  }

  /**
   * Several instances on one PostgreSQL: Quartz's tables (a migration creates them) hold the
   * triggers, and the instances fire each one once between them.
   */
  public static Schedules clustered(DataSource dataSource) {
    String source = "second-shift-" + UUID.randomUUID();
    DBConnectionManager.getInstance().addConnectionProvider(source, new Pool(dataSource));
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, CLUSTER);
    p.setProperty(
        StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", source);
    p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    // How soon a dead instance's jobs are taken over: a few missed check-ins.
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    return new Schedules(p, true);
  }

  /** Quartz's view of the bot's own connection pool. */
  private record Pool(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
      // The pool belongs to the database and closes with it.
    }

    @Override
    public void initialize() {
      // Nothing to set up: the pool is open.
    }
  }

  /**
   * Starts firing triggers (those added so far and later ones), each running a fresh job from
   * {@code jobs}. The jobs come only now, so triggers can be planned before the services the jobs
   * call exist.
   */
  public void start(Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
    JobFactory jobFactory =
        (bundle, s) -> {
          Supplier<? extends Job> supplier = jobs.get(bundle.getJobDetail().getJobClass());
          if (supplier == null) {
            throw new SchedulerException(
                "no job registered for " + bundle.getJobDetail().getJobClass());
          }
          return supplier.get();
        };
    try {
      scheduler.setJobFactory(jobFactory);
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not start Quartz", e);
    }
  }

  /** Runs {@code job} every {@code interval}, first at once (so a restart catches up). */
  public void every(String name, Class<? extends Job> job, Duration interval) {
    schedule(
        name,
        job,
        new JobDataMap(),
        TriggerBuilder.newTrigger()
            .withIdentity(name)
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(interval.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build());
  }

  /**
   * Runs {@code job} on a cron expression read in {@code zone}, so 09:00 stays 09:00 across DST.
   */
  public void cron(
      String name, Class<? extends Job> job, String cron, ZoneId zone, JobDataMap data) {
    schedule(
        name,
        job,
        data,
        TriggerBuilder.newTrigger()
            .withIdentity(name)
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron)
                    .inTimeZone(TimeZone.getTimeZone(zone))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build());
  }

  /** When the trigger called {@code name} fires next, if it exists. */
  public java.util.Optional<java.time.Instant> nextFire(String name) {
    try {
      Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(name));
      return t == null || t.getNextFireTime() == null
          ? java.util.Optional.empty()
          : java.util.Optional.of(t.getNextFireTime().toInstant());
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not read schedule " + name, e);
    }
  }

  /**
   * Runs {@code job} every {@code days} days from {@code startAt}, keeping the hour of day in
   * {@code zone} across DST.
   */
  public void calendar(
      String name,
      Class<? extends Job> job,
      java.time.Instant startAt,
      int days,
      ZoneId zone,
      JobDataMap data) {
    schedule(
        name,
        job,
        data,
        TriggerBuilder.newTrigger()
            .withIdentity(name)
            .startAt(java.util.Date.from(startAt))
            .withSchedule(
                org.quartz.CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                    .withIntervalInDays(days)
                    .inTimeZone(TimeZone.getTimeZone(zone))
                    .preserveHourOfDayAcrossDaylightSavings(true)
                    .withMisfireHandlingInstructionFireAndProceed())
            .build());
  }

  /**
   * The next {@code count} times the trigger {@code name} fires after {@code after}; empty if none.
   */
  public java.util.List<java.time.Instant> fireTimesAfter(
      String name, java.time.Instant after, int count) {
    try {
      Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(name));
      if (trigger instanceof org.quartz.CronTrigger
          && trigger.getStartTime().after(java.util.Date.from(after))) {
        // A cron trigger starts when it is scheduled; reading it from an earlier instant needs an
        // earlier start.
        trigger = trigger.getTriggerBuilder().startAt(java.util.Date.from(after)).build();
      }
      java.util.List<java.time.Instant> times = new java.util.ArrayList<>();
      java.util.Date at = java.util.Date.from(after);
      while (trigger != null
          && times.size() < count
          && (at = trigger.getFireTimeAfter(at)) != null) {
        times.add(at.toInstant());
      }
      return times;
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not read trigger " + name, e);
    }
  }

  /**
   * From now on tells {@code misfired} of each trigger that fires late, by its job's class name (a
   * trigger's own name carries team and channel ids).
   */
  public void onMisfire(Consumer<String> misfired) {
    try {
      scheduler
          .getListenerManager()
          .addTriggerListener(
              new TriggerListenerSupport() {
                @Override
                public String getName() {
                  return "misfires";
                }

                @Override
                public void triggerMisfired(Trigger trigger) {
                  String job = "unknown";
                  try {
                    JobDetail detail = scheduler.getJobDetail(trigger.getJobKey());
                    if (detail != null) {
                      job = detail.getJobClass().getSimpleName();
                    }
                  } catch (SchedulerException e) {
                    // Counted all the same, without its job.
                  }
                  misfired.accept(job);
                }
              });
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not listen for misfires", e);
    }
  }

  /** Removes the trigger and job called {@code name}, if any. */
  public void remove(String name) {
    try {
      scheduler.unscheduleJob(TriggerKey.triggerKey(name));
      scheduler.deleteJob(JobKey.jobKey(name));
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not remove schedule " + name, e);
    }
  }

  private void schedule(String name, Class<? extends Job> job, JobDataMap data, Trigger trigger) {
    // In a cluster a job an instance died in is run again by another (it is safe to run twice).
    JobDetail detail =
        JobBuilder.newJob(job)
            .withIdentity(name)
            .usingJobData(data)
            .requestRecovery(clustered)
            .build();
    try {
      // Replaces the job and trigger in one step; other instances rebuilding the same triggers at
      // their start write the same definition.
      scheduler.scheduleJob(detail, Set.of(trigger), true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not schedule " + name, e);
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not stop Quartz", e);
    }
  }
}
