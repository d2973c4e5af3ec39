package org.secondshift.sandbox.seed;

import java.util.List;

/**
 * Puts one section of the seed (rotations, summaries or settings) into the database before the
 * bot starts; each feature plugs in its own, and until then the section is read but not used.
 */
@FunctionalInterface
public interface SectionApplier<T> {
  void apply(List<T> entries, SeedContext context);

  /** The applier of a section no feature handles yet. */
  static <T> SectionApplier<T> none() {
    return (entries, context) -> { };
  }
}
