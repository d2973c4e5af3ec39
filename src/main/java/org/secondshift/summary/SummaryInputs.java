package org.secondshift.summary;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secondshift.hours.WorkSession;

/** What a summary is computed from; implemented by the store. */
public interface SummaryInputs {
  /** People seen active in the channel since {@code since}. */
  List<String> members(String teamId, String channelId, Instant since);

  /** Each person's sessions that may overlap [from, to). */
  Map<String, List<WorkSession>> sessions(
      String teamId, Collection<String> userIds, Instant from, Instant to);

  /** Those of the people who opted in to being named. */
  Set<String> sharing(String teamId, Collection<String> userIds);

  /**
   * Whether any of the people was seen active before {@code before}: if none was, the bot did not
   * see the week that ends there, and a summary does not compare with it.
   */
  boolean seenBefore(String teamId, Collection<String> userIds, Instant before);
}
