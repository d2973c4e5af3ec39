package org.secondshift.slack.command;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.secondshift.hours.ZoneLookup;
import org.secondshift.slack.ChannelAccess;
import org.secondshift.slack.SummaryPoster;
import org.secondshift.slack.blocks.ChannelAccessView;
import org.secondshift.slack.blocks.When;
import org.secondshift.store.SummaryStore;
import org.secondshift.summary.ChannelZone;
import org.secondshift.summary.PlanScheduler;
import org.secondshift.summary.SummaryPlan;

/**
 * {@code /shift summary weekly on [mon 09:00] | weekly off | now}: this channel's weekly summary.
 */
public final class SummaryCommand implements Subcommand {
  private final SummaryStore store;
  private final PlanScheduler scheduler;
  private final SummaryPoster poster;
  private final ZoneLookup people;
  private final ChannelZone channels;
  private final ChannelAccess access;
  private final Clock clock;

  public SummaryCommand(
      SummaryStore store,
      PlanScheduler scheduler,
      SummaryPoster poster,
      ZoneLookup people,
      ChannelZone channels,
      ChannelAccess access,
      Clock clock) {
    this.store = store;
    this.scheduler = scheduler;
    this.poster = poster;
    this.people = people;
    this.channels = channels;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "summary";
  }

  @Override
  public String usage() {
    return "/shift summary weekly on [mon 09:00] | weekly off | now";
  }

  @Override
  public String summary() {
    return "a weekly summary of this channel's hours, posted here";
  }

  @Override
  public Reply run(Invocation inv) {
    List<String> args = inv.args().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    if (args.equals(List.of("now"))) {
      Optional<Reply> refused = refusal(inv);
      if (refused.isPresent()) {
        return refused.get();
      }
      poster.postLastWeek(inv.teamId(), inv.channelId(), zone(inv));
      return Reply.text(":bar_chart: Last week's summary is on its way to this channel.");
    }
    if (args.size() >= 2 && args.get(0).equals("weekly") && args.get(1).equals("off")) {
      if (args.size() > 2) {
        throw new UsageException("`weekly off` takes nothing after it.");
      }
      boolean had = store.deletePlan(inv.teamId(), inv.channelId());
      scheduler.dropped(inv.teamId(), inv.channelId());
      return Reply.text(
          had
              ? "Weekly summaries are off in this channel."
              : "This channel had no weekly summary.");
    }
    if (args.size() >= 2 && args.get(0).equals("weekly") && args.get(1).equals("on")) {
      return enable(inv, args.subList(2, args.size()));
    }
    if (args.isEmpty()) {
      return store
          .plan(inv.teamId(), inv.channelId())
          .map(p -> Reply.text("This channel gets its summary " + when(p) + ". `" + usage() + "`"))
          .orElseGet(() -> Reply.text("No weekly summary here yet. `" + usage() + "`"));
    }
    throw new UsageException("I did not understand `" + inv.rest() + "`.");
  }

  private Reply enable(Invocation inv, List<String> when) {
    DayOfWeek day = DayOfWeek.MONDAY;
    LocalTime at = LocalTime.of(9, 0);
    if (when.size() == 2) {
      day = day(when.get(0));
      at = time(when.get(1));
    } else if (!when.isEmpty()) {
      throw new UsageException("Give a day and a time, like `mon 09:00`.");
    }
    Optional<Reply> refused = refusal(inv);
    if (refused.isPresent()) {
      return refused.get();
    }
    SummaryPlan plan =
        new SummaryPlan(
            inv.teamId(), inv.channelId(), day, at, zone(inv), inv.userId(), clock.instant());
    store.savePlan(plan);
    scheduler.planned(plan);
    return Reply.text(
        ":calendar: This channel will get a summary of the week before "
            + when(plan)
            + ". Names appear only for people who said `/shift share on`.");
  }

  private Optional<Reply> refusal(Invocation inv) {
    return ChannelAccessView.refusal(
        access.check(inv.teamId(), inv.channelId(), inv.channelName()), "the weekly summary");
  }

  private ZoneId zone(Invocation inv) {
    return channels
        .of(inv.teamId(), inv.channelId())
        .orElseGet(() -> people.zoneOf(inv.teamId(), inv.userId()));
  }

  private static String when(SummaryPlan p) {
    return "every "
        + p.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + " at "
        + p.at()
        + " "
        + When.zone(p.zone());
  }

  static DayOfWeek day(String word) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && full.startsWith(word)) {
        return d;
      }
    }
    throw new UsageException(
        "`" + word + "` is not a day; use mon, tue, wed, thu, fri, sat or sun.");
  }

  static LocalTime time(String word) {
    try {
      return LocalTime.parse(word.length() == 4 ? "0" + word : word);
    } catch (DateTimeParseException e) {
      throw new UsageException("`" + word + "` is not a time; use 24-hour time like 09:00.");
    }
  }
}
