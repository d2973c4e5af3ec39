package org.secondshift.slack.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.secondshift.captain.PendingSetup;
import org.secondshift.captain.Refusal;
import org.secondshift.captain.Rotations;
import org.secondshift.captain.SetupQuestions;
import org.secondshift.hours.ZoneLookup;
import org.secondshift.slack.ChannelAccess;
import org.secondshift.slack.blocks.CaptainView;
import org.secondshift.slack.blocks.ChannelAccessView;

/** {@code /shift captain ...}: the channel's captain rotation. */
public final class CaptainCommand implements Subcommand {
  static final int DEFAULT_SCHEDULE = 7;
  static final int MAX_SCHEDULE = 50;

  private final Rotations rotations;
  private final SetupQuestions questions;
  private final ZoneLookup zones;
  private final ChannelAccess access;
  private final Clock clock;

  public CaptainCommand(
      Rotations rotations,
      SetupQuestions questions,
      ZoneLookup zones,
      ChannelAccess access,
      Clock clock) {
    this.rotations = rotations;
    this.questions = questions;
    this.zones = zones;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "captain";
  }

  @Override
  public String usage() {
    return "/shift captain [setup @a @b every 12h|daily|weekly at 09:00 [tz Europe/Berlin] | schedule [n]"
        + " | swap @x | cover @x [for @y] | skip | handoff | join | leave | pause | resume]";
  }

  @Override
  public String summary() {
    return "who holds the watch, and the channel's captain rotation";
  }

  @Override
  public Reply run(Invocation inv) {
    String verb = inv.args().isEmpty() ? "" : inv.args().get(0).toLowerCase(Locale.ROOT);
    List<String> rest = inv.args().isEmpty() ? List.of() : inv.args().subList(1, inv.args().size());
    Instant now = clock.instant();
    String team = inv.teamId();
    String channel = inv.channelId();
    try {
      return switch (verb) {
        case "" ->
            rotations
                .overview(team, channel, 3, now)
                .map(CaptainView::overview)
                .orElseGet(CaptainView::noRotation);
        case "setup" -> setup(inv, rest, now);
        case "schedule" ->
            rotations
                .overview(team, channel, count(rest), now)
                .map(CaptainView::schedule)
                .orElseGet(CaptainView::noRotation);
        case "swap" ->
            CaptainView.swapped(
                rotations.swap(team, channel, inv.userId(), person(rest, 0, 1), now),
                zone(team, channel, now));
        case "cover" -> cover(inv, rest, now);
        case "skip" -> CaptainView.skipped(rotations.skip(team, channel, noArgs(rest, now)));
        case "handoff" ->
            CaptainView.handedOff(
                rotations.handoff(team, channel, inv.userId(), noArgs(rest, now)),
                zone(team, channel, now));
        case "join" ->
            CaptainView.joined(rotations.join(team, channel, inv.userId(), noArgs(rest, now)));
        case "leave" ->
            CaptainView.left(rotations.leave(team, channel, inv.userId(), noArgs(rest, now)));
        case "pause" -> {
          rotations.pause(team, channel, inv.userId(), noArgs(rest, now));
          yield CaptainView.paused();
        }
        case "resume" ->
            CaptainView.resumed(
                rotations.resume(team, channel, inv.userId(), noArgs(rest, now)),
                zone(team, channel, now));
        default ->
            throw new UsageException("`" + inv.args().get(0) + "` is not a captain command.");
      };
    } catch (Refusal r) {
      throw new UsageException(CaptainView.refusal(r));
    }
  }

  private Reply setup(Invocation inv, List<String> words, Instant now) {
    SetupArgs args = SetupArgs.parse(words);
    Optional<Reply> refused =
        ChannelAccessView.refusal(
            access.check(inv.teamId(), inv.channelId(), inv.channelName()), "the captain rotation");
    if (refused.isPresent()) {
      return refused.get();
    }
    ZoneId zone = args.zone().orElseGet(() -> zones.zoneOf(inv.teamId(), inv.userId()));
    SetupQuestions.Proposed proposed =
        questions.propose(
            new PendingSetup(
                inv.teamId(),
                inv.channelId(),
                inv.userId(),
                args.roster(),
                args.cadence(),
                args.at(),
                zone,
                -1,
                now));
    return CaptainView.setup(proposed.result(), zone, proposed.questionId());
  }

  private Reply cover(Invocation inv, List<String> words, Instant now) {
    if (words.size() != 1 && !(words.size() == 3 && words.get(1).equalsIgnoreCase("for"))) {
      throw new UsageException(
          "Say who covers, and for whom if not the captain on duty: `cover @x [for @y]`.");
    }
    String coverer = person(words, 0, words.size());
    String covered = words.size() == 3 ? person(words, 2, 3) : null;
    return CaptainView.covered(
        rotations.cover(inv.teamId(), inv.channelId(), coverer, covered, now),
        zone(inv.teamId(), inv.channelId(), now));
  }

  private ZoneId zone(String team, String channel, Instant now) {
    return rotations
        .overview(team, channel, 0, now)
        .map(o -> o.rotation().zone())
        .orElse(java.time.ZoneOffset.UTC);
  }

  private static String person(List<String> words, int index, int expectedSize) {
    if (words.size() != expectedSize || index >= words.size()) {
      throw new UsageException("Name one person, picked from the @ menu.");
    }
    String word = words.get(index);
    return Mentions.userId(word)
        .orElseThrow(
            () ->
                new UsageException(
                    "`" + word + "` is not a person I can look up; pick them from the @ menu."));
  }

  private static int count(List<String> words) {
    if (words.isEmpty()) {
      return DEFAULT_SCHEDULE;
    }
    try {
      int n = Integer.parseInt(words.get(0));
      if (words.size() == 1 && n >= 1 && n <= MAX_SCHEDULE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the usage below
    }
    throw new UsageException("Give a number of shifts from 1 to " + MAX_SCHEDULE + ".");
  }

  private static Instant noArgs(List<String> words, Instant now) {
    if (!words.isEmpty()) {
      throw new UsageException("This takes no further words.");
    }
    return now;
  }
}
