package org.secondshift.sandbox;

/** A reply only one person sees in one conversation, such as the answer to {@code /shift}. */
public record Ephemeral(String channel, String user, String ts, String text, String blocksJson) {}
