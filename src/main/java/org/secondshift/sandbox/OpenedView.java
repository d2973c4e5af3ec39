package org.secondshift.sandbox;

/** A modal the bot opened with {@code views.open}, and the trigger it answered. */
public record OpenedView(String triggerId, String viewId) {}
