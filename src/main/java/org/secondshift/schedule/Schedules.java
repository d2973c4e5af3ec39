package org.secondshift.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.Supplier;
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
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;

/**
 * Quartz kept in memory: triggers are derived from definitions in the database and rebuilt at
 * start, so nothing about a schedule lives only in Quartz. Jobs are built by the suppliers given
 * here (constructor injection), never by reflection.
 */
public final class Schedules implements AutoCloseable {
  private final Scheduler scheduler;

  public Schedules(Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
    Properties p = new Properties();
    // Quartz keeps schedulers in a JVM-wide registry by name; each bot gets its own.
    p.setProperty(
        StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME,
        "second-shift-" + java.util.UUID.randomUUID());
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    try {
      StdSchedulerFactory factory = new StdSchedulerFactory(p);
      this.scheduler = factory.getScheduler();
      JobFactory jobFactory =
          (bundle, s) -> {
            Supplier<? extends Job> supplier = jobs.get(bundle.getJobDetail().getJobClass());
            if (supplier == null) {
              throw new SchedulerException(
                  "no job registered for " + bundle.getJobDetail().getJobClass());
            }
            return supplier.get();
          };
      scheduler.setJobFactory(jobFactory);
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not create the Quartz scheduler", e);
    }
  }

  public void start() {
    try {
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
      String name, Class<? extends Job> job, java.time.Instant startAt, int days, ZoneId zone) {
    schedule(
        name,
        job,
        new JobDataMap(),
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
    JobDetail detail = JobBuilder.newJob(job).withIdentity(name).usingJobData(data).build();
    try {
      scheduler.unscheduleJob(TriggerKey.triggerKey(name));
      scheduler.deleteJob(JobKey.jobKey(name));
      scheduler.scheduleJob(detail, trigger);
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
