package org.secondshift.sandbox.seed;

import java.time.Duration;
import java.util.List;
import org.secondshift.summary.SummaryPlan;

/**
 * The seed's {@code summaries}: each channel's weekly plan, stored as {@code /shift summary weekly
 * on} stores it but dated a week before the start, so its latest posting time has passed; the bot
 * then posts that summary once as it catches up, and its trigger posts the following ones.
 */
public final class SummaryApplier implements SectionApplier<SummarySeed> {
  // A little over a week, so that a week made shorter by a DST change still holds a posting time.
  private static final Duration SWITCHED_ON_BEFORE = Duration.ofDays(8);

  @Override
  public void apply(List<SummarySeed> summaries, SeedContext context) {
    for (SummarySeed s : summaries) {
      context
          .parts()
          .summaries()
          .savePlan(
              new SummaryPlan(
                  context.teamId(),
                  s.channel(),
                  s.dayOfWeek(),
                  s.time(),
                  s.zoneId(),
                  s.by() == null ? "" : s.by(),
                  context.now().minus(SWITCHED_ON_BEFORE)));
    }
  }
}
