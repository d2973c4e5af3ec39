package org.secondshift.sandbox.seed;

/**
 * A person in the seeded workspace.
 *
 * @param tz an IANA zone id; {@code late-night} for whichever zone is around half past midnight
 *     when the sandbox starts (so someone is always up in their quiet hours); or {@code local
 *     HH:mm} for whichever zone is around that time (so someone is always in working hours)
 */
public record Teammate(String id, String name, String title, String tz) {
  public Teammate {
    Seed.require(id, "teammates[].id");
    Seed.require(name, "teammates[].name");
    Seed.require(tz, "teammates[" + id + "].tz");
    title = title == null ? "" : title;
  }
}
