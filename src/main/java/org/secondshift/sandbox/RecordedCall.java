package org.secondshift.sandbox;

import java.time.Instant;
import java.util.Map;

/** One Web API call as the stand-in received it, including calls it answered with 429. */
public record RecordedCall(
    String method, Map<String, String> params, String token, Instant at, boolean rateLimited) {

  public RecordedCall {
    params = Map.copyOf(params);
  }

  public RecordedCall(String method, Map<String, String> params, String token, Instant at) {
    this(method, params, token, at, false);
  }

  /** The named parameter, or null when the call did not carry it. */
  public String param(String name) {
    return params.get(name);
  }
}
