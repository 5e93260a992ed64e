package io.gordon.local.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed HTTP/1.1 request of {@code local.http}.
 *
 * @param method the method, e.g. {@code POST}
 * @param path the decoded-as-is path, e.g. {@code /v1/events}
 * @param query the raw query, empty when none
 * @param headers header values by lower-case name
 * @param body the body (empty when none)
 */
record Request(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
  Request {
    headers = Map.copyOf(headers);
  }

  /** The first value of header {@code name} (any case; lower case costs no new string). */
  Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Whether the query has {@code name=value} among its parameters. */
  boolean queryHas(String param) {
    return !query.isEmpty() && List.of(query.split("&")).contains(param);
  }
}
