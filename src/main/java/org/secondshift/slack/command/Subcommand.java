package org.secondshift.slack.command;

/** One word after {@code /shift}, with its usage line and what it does. */
public interface Subcommand {
  /** The word people type, e.g. {@code hours}. */
  String name();

  /** The full usage, e.g. {@code /shift hours [last | 2026-11-23 | @someone]}. */
  String usage();

  /** What it does, in a few words for {@code /shift help}. */
  String summary();

  /** Runs it; throws {@link UsageException} for arguments it cannot use. */
  Reply run(Invocation invocation);
}
