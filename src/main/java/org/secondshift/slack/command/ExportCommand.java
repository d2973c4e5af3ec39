package org.secondshift.slack.command;

import java.time.Clock;
import java.time.LocalDate;
import org.secondshift.hours.SessionRules;
import org.secondshift.hours.ZoneLookup;
import org.secondshift.slack.rights.DataExport;
import org.secondshift.store.OutboxKind;
import org.secondshift.store.OutboxMessage;
import org.secondshift.store.OutboxStore;
import org.secondshift.store.PersonalData;

/** {@code /shift export}: everything stored about you, as two CSV tables in a zip, by DM. */
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
    return "everything stored about you, as two tables in a zip by DM";
  }

  @Override
  public Reply run(Invocation inv) {
    if (!inv.args().isEmpty()) {
      throw new UsageException("`export` takes no arguments.");
    }
    var zone = zones.zoneOf(inv.teamId(), inv.userId());
    var now = clock.instant();
    byte[] zip =
        DataExport.zip(
            data.sessions(inv.teamId(), inv.userId()),
            data.nudges(inv.teamId(), inv.userId()),
            zone,
            rules,
            now);
    String name = "second-shift-" + LocalDate.ofInstant(now, zone) + ".zip";
    outbox.enqueue(
        OutboxMessage.upload(
            inv.teamId(),
            OutboxKind.EXPORT,
            inv.userId(),
            DataExport.describe(zone),
            new OutboxMessage.Attachment(name, "Your Second Shift data", zip),
            "export:" + inv.userId()),
        now);
    wakeOutbox.run();
    return Reply.text(
        ":inbox_tray: Your data is on its way to your direct messages: a zip with your hours and"
            + " your nudges, one CSV table each.");
  }
}
