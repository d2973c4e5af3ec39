package org.secondshift.slack.command;

import java.time.Clock;
import java.time.LocalDate;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.ZoneLookup;
import org.secondshift.slack.rights.HourLogCsv;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxStore;
import org.secondshift.store.PersonalData;

/** {@code /shift export}: your own hour log as a CSV file, by DM. */
public final class ExportCommand implements Subcommand {
  private final PersonalData data;
  private final OutboxStore outbox;
  private final ZoneLookup zones;
  private final SessionRules rules;
  private final Runnable wakeOutbox;
  private final Clock clock;

  public ExportCommand(
      PersonalData data,
      OutboxStore outbox,
      ZoneLookup zones,
      SessionRules rules,
      Runnable wakeOutbox,
      Clock clock) {
    this.data = data;
    this.outbox = outbox;
    this.zones = zones;
    this.rules = rules;
    this.wakeOutbox = wakeOutbox;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String usage() {
    return "/shift export";
  }

  @Override
  public String summary() {
    return "everything stored about you, as a CSV file by DM";
  }

  @Override
  public Reply run(Invocation inv) {
    if (!inv.args().isEmpty()) {
      throw new UsageException("`export` takes no arguments.");
    }
    var zone = zones.zoneOf(inv.teamId(), inv.userId());
    byte[] csv =
        HourLogCsv.of(
            data.sessions(inv.teamId(), inv.userId()),
            data.nudges(inv.teamId(), inv.userId()),
            zone,
            rules);
    String name = "second-shift-" + LocalDate.ofInstant(clock.instant(), zone) + ".csv";
    outbox.enqueue(
        OutboxMessage.upload(
            inv.teamId(),
            OutboxKind.EXPORT,
            inv.userId(),
            "Here is everything Second Shift stores about you: your hour log (active, manual and captain duty),"
                + " then the rest nudges you got and what you answered.",
            new OutboxMessage.Attachment(name, "Your Second Shift data", csv),
            "export:" + inv.userId()),
        clock.instant());
    wakeOutbox.run();
    return Reply.text(":inbox_tray: Your data is on its way as a CSV file in a direct message.");
  }
}
