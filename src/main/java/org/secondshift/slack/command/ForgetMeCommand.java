package org.secondshift.slack.command;

import org.secondshift.slack.blocks.ForgetMeView;

/** {@code /shift forget-me}: asks for confirmation before erasing everything about you. */
public final class ForgetMeCommand implements Subcommand {
  @Override
  public String name() {
    return "forget-me";
  }

  @Override
  public String usage() {
    return "/shift forget-me";
  }

  @Override
  public String summary() {
    return "erase everything stored about you (asks first)";
  }

  @Override
  public Reply run(Invocation inv) {
    if (!inv.args().isEmpty()) {
      throw new UsageException("`forget-me` takes no arguments.");
    }
    return ForgetMeView.confirm();
  }
}
