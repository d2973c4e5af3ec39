package org.secondshift.slack.command;

import java.util.List;
import java.util.Locale;
import org.secondshift.store.SummaryStore;

/**
 * {@code /shift share on|off}: whether your name may appear in summaries and others may see your
 * hours.
 */
public final class ShareCommand implements Subcommand {
  private final SummaryStore store;

  public ShareCommand(SummaryStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "share";
  }

  @Override
  public String usage() {
    return "/shift share on | off";
  }

  @Override
  public String summary() {
    return "let teammates see your hours and your name in summaries";
  }

  @Override
  public Reply run(Invocation inv) {
    List<String> args = inv.args().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    if (args.isEmpty()) {
      boolean on = store.isSharing(inv.teamId(), inv.userId());
      return Reply.text(
          on
              ? "You share your hours. `/shift share off` stops it."
              : "Your hours are private. `/shift share on` lets teammates see them and name you in summaries.");
    }
    if (args.size() != 1 || !(args.get(0).equals("on") || args.get(0).equals("off"))) {
      throw new UsageException("Say `on` or `off`.");
    }
    boolean on = args.get(0).equals("on");
    store.setSharing(inv.teamId(), inv.userId(), on);
    return Reply.text(
        on
            ? ":eyes: Teammates can now see your hours with `/shift hours @you`, and summaries may name you."
            : ":lock: Your hours are private again; summaries count you only in totals.");
  }
}
