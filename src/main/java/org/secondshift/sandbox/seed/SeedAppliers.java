package org.secondshift.sandbox.seed;

import java.util.Objects;

/** Who applies the seed's feature sections; wiring a feature is one {@code with...} call. */
public record SeedAppliers(
    SectionApplier<RotationSeed> rotations,
    SectionApplier<SummarySeed> summaries,
    SectionApplier<PersonSetting> settings) {

  public SeedAppliers {
    Objects.requireNonNull(rotations, "rotations");
    Objects.requireNonNull(summaries, "summaries");
    Objects.requireNonNull(settings, "settings");
  }

  /** Every feature section the seed can hold, applied through the bot's own services. */
  public static SeedAppliers standard() {
    return none()
        .withSettings(new SettingsApplier())
        .withRotations(new RotationApplier())
        .withSummaries(new SummaryApplier());
  }

  /** No feature sections applied: history, people and channels only. */
  public static SeedAppliers none() {
    return new SeedAppliers(SectionApplier.none(), SectionApplier.none(), SectionApplier.none());
  }

  public SeedAppliers withRotations(SectionApplier<RotationSeed> applier) {
    return new SeedAppliers(applier, summaries, settings);
  }

  public SeedAppliers withSummaries(SectionApplier<SummarySeed> applier) {
    return new SeedAppliers(rotations, applier, settings);
  }

  public SeedAppliers withSettings(SectionApplier<PersonSetting> applier) {
    return new SeedAppliers(rotations, summaries, applier);
  }
}
