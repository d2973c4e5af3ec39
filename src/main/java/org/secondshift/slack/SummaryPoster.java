package org.secondshift.slack;

import com.slack.api.util.json.GsonFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.secondshift.hours.IsoWeek;
import org.secondshift.slack.blocks.SummaryView;
import org.secondshift.slack.blocks.When;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxStore;
import org.secondshift.store.SummaryStore;
import org.secondshift.summary.LoadChart;
import org.secondshift.summary.SummaryBuilder;
import org.secondshift.summary.SummaryPlan;
import org.secondshift.summary.WeeklySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns weekly summaries into outbox rows: the post, then its chart, once per channel and week. */
public final class SummaryPoster {
  private static final Logger log = LoggerFactory.getLogger(SummaryPoster.class);

  private final SummaryBuilder builder;
  private final SummaryStore store;
  private final OutboxStore outbox;
  private final Runnable wakeOutbox;
  private final Clock clock;

  public SummaryPoster(
      SummaryBuilder builder,
      SummaryStore store,
      OutboxStore outbox,
      Runnable wakeOutbox,
      Clock clock) {
    this.builder = builder;
    this.store = store;
    this.outbox = outbox;
    this.wakeOutbox = wakeOutbox;
    this.clock = clock;
  }

  /**
   * Posts every planned summary whose time has come and that was not posted yet: after downtime
   * each channel gets its latest missed week once; a repeated trigger finds nothing to do.
   */
  public int catchUp() {
    return catchUp(store.plans());
  }

  /** As {@link #catchUp()}, for the one channel whose trigger fired. */
  public int catchUp(String teamId, String channelId) {
    return catchUp(
        store.plans().stream()
            .filter(p -> p.teamId().equals(teamId) && p.channelId().equals(channelId))
            .toList());
  }

  private int catchUp(List<SummaryPlan> plans) {
    Instant now = clock.instant();
    int posted = 0;
    for (SummaryPlan plan : plans) {
      java.util.Optional<Instant> due = plan.dueSinceCreated(now);
      if (due.isEmpty()) {
        continue;
      }
      IsoWeek week = plan.weekReportedAt(due.get());
      WeeklySummary summary =
          builder.build(plan.teamId(), plan.channelId(), week, plan.zone(), now);
      if (store.claimPost(
          plan.teamId(),
          plan.channelId(),
          week,
          messages(plan.teamId(), plan.channelId(), summary),
          outbox,
          now)) {
        log.info(
            "weekly summary {} queued for channel {} in team {}",
            week,
            plan.channelId(),
            plan.teamId());
        posted++;
      }
    }
    if (posted > 0) {
      wakeOutbox.run();
    }
    return posted;
  }

  /** Posts last week's summary of the channel now, on request. */
  public WeeklySummary postLastWeek(String teamId, String channelId, ZoneId zone) {
    Instant now = clock.instant();
    IsoWeek week = IsoWeek.of(java.time.LocalDate.ofInstant(now, zone)).previous();
    WeeklySummary summary = builder.build(teamId, channelId, week, zone, now);
    store.queue(messages(teamId, channelId, summary), outbox, now);
    wakeOutbox.run();
    return summary;
  }

  static List<OutboxMessage> messages(String teamId, String channelId, WeeklySummary summary) {
    SummaryView.Message view = SummaryView.message(summary);
    String ref = "summary:" + channelId + ":" + summary.week();
    List<OutboxMessage> messages = new ArrayList<>();
    messages.add(
        OutboxMessage.post(
            teamId,
            OutboxKind.SUMMARY,
            channelId,
            view.text(),
            GsonFactory.createSnakeCase().toJson(view.blocks()),
            ref));
    if (summary.showsFigures()) {
      String title = "Team hours per day, " + When.week(summary.week());
      messages.add(
          OutboxMessage.upload(
              teamId,
              OutboxKind.SUMMARY_CHART,
              channelId,
              "How the week's hours fell, day by day.",
              new OutboxMessage.Attachment(
                  "second-shift-week-of-" + summary.week().monday() + ".png",
                  title,
                  LoadChart.png(summary)),
              ref));
    }
    return messages;
  }
}
