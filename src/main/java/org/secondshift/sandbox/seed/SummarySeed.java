package org.secondshift.sandbox.seed;

/**
 * A weekly summary switched on in a channel.
 *
 * @param day three-letter day of the week, e.g. {@code mon}
 * @param at local time of the post, {@code HH:mm}
 */
public record SummarySeed(String channel, String day, String at, String zone) {
  public SummarySeed {
    Seed.require(channel, "summaries[].channel");
    Seed.require(day, "summaries[" + channel + "].day");
    Seed.require(at, "summaries[" + channel + "].at");
    Seed.require(zone, "summaries[" + channel + "].zone");
  }
}
