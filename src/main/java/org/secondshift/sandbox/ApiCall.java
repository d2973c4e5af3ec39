package org.secondshift.sandbox;

import java.util.Map;

/** A parsed Web API request: which method, with which parameters, authorised by which token. */
record ApiCall(String method, Map<String, String> params, String token) {

  String param(String name) {
    String value = params.get(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
