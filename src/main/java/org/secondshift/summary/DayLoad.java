package org.secondshift.summary;

import java.time.Duration;
import java.time.LocalDate;

/** The team's hours on one day, split for the chart: daytime active, late-night active, duty. */
public record DayLoad(LocalDate date, Duration daytime, Duration lateNight, Duration duty) {}
