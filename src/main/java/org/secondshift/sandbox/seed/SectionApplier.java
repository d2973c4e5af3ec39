package org.secondshift.sandbox.seed;

import java.util.List;

/**
 * Turns one section of the seed (rotations, summaries or settings) into state of the bot, through
 * its own services, after the history is loaded and before its schedules start.
 */
@FunctionalInterface
public interface SectionApplier<T> {
  void apply(List<T> entries, SeedContext context);

  /** The applier of a section that is read but not used. */
  static <T> SectionApplier<T> none() {
    return (entries, context) -> {};
  }
}
