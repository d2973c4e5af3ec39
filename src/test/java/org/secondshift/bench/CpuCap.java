package org.secondshift.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holds a measured process to a share of the machine's cores through a Linux cgroup of its own (the
 * CPU controller's CFS quota). On a small machine one bot already fills every core, so two bots
 * cannot show how ingest scales; capping each node (and the reference) to the same share, with
 * cores left over for PostgreSQL and the load, can. cgroup v1 ({@code /sys/fs/cgroup/cpu}) and v2
 * ({@code cpu.max}) are both understood; the groups are removed once their processes are gone.
 */
final class CpuCap implements AutoCloseable {
  private static final long PERIOD_US = 100_000;
  private static final Path V1 = Path.of("/sys/fs/cgroup/cpu");
  private static final Path V2 = Path.of("/sys/fs/cgroup");

  private final double cpus;
  private final String prefix;
  private final List<Path> groups = new ArrayList<>();

  CpuCap(double cpus, String prefix) {
    this.cpus = cpus;
    this.prefix = prefix;
  }

  double cpus() {
    return cpus;
  }

  /** Moves the whole process (all its threads) into a new group capped at {@link #cpus}. */
  synchronized void hold(String name, Process process) {
    long quota = Math.round(cpus * PERIOD_US);
    try {
      Path group;
      if (Files.isDirectory(V1) && Files.exists(V1.resolve("cpu.cfs_quota_us"))) {
        group = Files.createDirectories(V1.resolve(prefix + "-" + name));
        Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
        Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
      } else if (Files.readString(V2.resolve("cgroup.controllers")).contains("cpu")) {
        group = Files.createDirectories(V2.resolve(prefix + "-" + name));
        Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_US);
      } else {
        throw new IllegalStateException("this machine offers no cgroup CPU controller");
      }
      groups.add(group);
      Files.writeString(group.resolve("cgroup.procs"), Long.toString(process.pid()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "--node-cpus could not cap %s to %.2f cores (%s); it needs a writable cgroup CPU"
                  + " controller, as root has in most containers",
              name,
              cpus,
              e.getMessage()),
          e);
    }
  }

  @Override
  public synchronized void close() {
    for (Path group : groups) {
      try {
        Files.deleteIfExists(group);
      } catch (IOException e) {
        System.err.println("could not remove the cgroup " + group + ": " + e.getMessage());
      }
    }
    groups.clear();
  }
}
