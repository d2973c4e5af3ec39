package org.secondshift.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.secondshift.hours.HourLog;
import org.secondshift.hours.IsoWeek;
import org.secondshift.hours.WorkSession;

/** Computes a channel's {@link WeeklySummary} for a week, in the summary's zone. */
public final class SummaryBuilder {
  /**
   * Who counts as a member: anyone active in the channel in the four weeks up to the week's end.
   */
  static final Duration MEMBERSHIP = Duration.ofDays(28);

  private final SummaryInputs inputs;
  private final ChannelTallies tallies;
  private final HourLog log;

  public SummaryBuilder(SummaryInputs inputs, ChannelTallies tallies, HourLog log) {
    this.inputs = inputs;
    this.tallies = tallies;
    this.log = log;
  }

  public WeeklySummary build(
      String teamId, String channelId, IsoWeek week, ZoneId zone, Instant asOf) {
    Instant from = week.monday().atStartOfDay(zone).toInstant();
    Instant to = week.next().monday().atStartOfDay(zone).toInstant();
    Instant before = week.previous().monday().atStartOfDay(zone).toInstant();
    List<String> members = inputs.members(teamId, channelId, to.minus(MEMBERSHIP));
    Map<String, List<WorkSession>> sessions = inputs.sessions(teamId, members, before, to);
    Set<String> sharing = inputs.sharing(teamId, members);
    List<MemberWeek> now = weeks(members, sessions, sharing, week, zone, asOf);
    List<MemberWeek> previous = weeks(members, sessions, Set.of(), week.previous(), zone, asOf);
    return WeeklySummary.of(
        week,
        now,
        previous,
        inputs.seenBefore(teamId, members, before),
        tallies.captain(teamId, channelId, from, to),
        tallies.nudges(teamId, members, from, to));
  }

  private List<MemberWeek> weeks(
      List<String> members,
      Map<String, List<WorkSession>> sessions,
      Set<String> sharing,
      IsoWeek week,
      ZoneId zone,
      Instant asOf) {
    return members.stream()
        .map(
            u ->
                new MemberWeek(
                    u,
                    sharing.contains(u) ? Optional.of("<@" + u + ">") : Optional.empty(),
                    log.week(sessions.getOrDefault(u, List.of()), zone, week, asOf)))
        .toList();
  }
}
