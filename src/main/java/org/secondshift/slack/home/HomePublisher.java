package org.secondshift.slack.home;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.secondshift.hours.HourReports;
import org.secondshift.slack.LogText;
import org.secondshift.slack.TeamClients;
import org.secondshift.summary.MemberWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a person's Home tab with {@code views.publish}, off the request thread. */
public final class HomePublisher {
  static final int LOOK_BACK_DAYS = 14;
  private static final Logger log = LoggerFactory.getLogger(HomePublisher.class);

  private final HourReports reports;
  private final HomeExtras extras;
  private final PersonalSettings settings;
  private final TeamClients slack;
  private final Executor background;
  private final Clock clock;

  public HomePublisher(
      HourReports reports,
      HomeExtras extras,
      PersonalSettings settings,
      TeamClients slack,
      Executor background,
      Clock clock) {
    this.reports = reports;
    this.extras = extras;
    this.settings = settings;
    this.slack = slack;
    this.background = background;
    this.clock = clock;
  }

  /** Queues a refresh of the person's Home; returns at once. */
  public void refresh(String teamId, String userId) {
    background.execute(
        () -> {
          var client = slack.of(teamId);
          if (client.isEmpty()) {
            return;
          }
          try {
            var response =
                client
                    .get()
                    .viewsPublish(r -> r.userId(userId).view(HomeView.of(data(teamId, userId))));
            if (!response.isOk()) {
              log.warn(
                  "views.publish for user {} in team {} failed: {}",
                  LogText.cap(userId),
                  LogText.cap(teamId),
                  response.getError());
            }
          } catch (Exception e) {
            log.warn(
                "could not publish Home for user {} in team {}: {}",
                LogText.cap(userId),
                LogText.cap(teamId),
                LogText.cap(e.toString()));
          }
        });
  }

  HomeData data(String teamId, String userId) {
    Instant now = clock.instant();
    var status = reports.status(teamId, userId);
    return new HomeData(
        now,
        reports.week(teamId, userId, reports.currentWeek(teamId, userId, 0)),
        status.currentSession(),
        reports.daysSinceDayOff(teamId, userId, MemberWeek.DAY_OFF_BELOW, LOOK_BACK_DAYS),
        extras.nextShifts(teamId, userId, now),
        extras.recentNudges(teamId, userId, now),
        settings.of(teamId, userId));
  }
}
