package org.secondshift.sandbox;

import java.time.ZoneId;

/** A member of the sandbox workspace. */
public record SandboxUser(String id, String name, ZoneId zone, boolean bot) {}
