package io.gordon.local.http;

import java.util.Optional;

/**
 * The request-target of a request line: origin form ({@code /v1/events?wait=true}) or absolute form
 * ({@code http://127.0.0.1:8053/v1/events?wait=true}), which clients send to a proxy and which a
 * server must accept too (RFC 9112 3.2.2). Any other form keeps its text as the path, which no
 * route matches (404).
 *
 * @param path the path, not yet percent-decoded, e.g. {@code /v1/events}
 * @param query the raw query, empty when none
 * @param authority the absolute form's {@code host[:port]}, which stands in for the {@code Host}
 *     header (RFC 9112 3.2.2: the recipient ignores a received Host); empty in origin form
 */
record RequestTarget(String path, String query, Optional<String> authority) {
  /** Splits {@code target}; an absolute form without a host, or with user info, is a 400. */
  static RequestTarget parse(String target) throws HttpProblem {
    int scheme = schemeLength(target);
    if (scheme < 0) {
      return split(target, Optional.empty());
    }
    int end = scheme;
    while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
      end++;
    }
    String authority = target.substring(scheme, end);
    if (authority.isEmpty() || authority.contains("@")) {
      // RFC 9110 4.2.4: user info in an http URI is to be treated as an error
      throw new HttpProblem(
          400,
          "request target \""
              + (target.length() > 100 ? target.substring(0, 100) + "..." : target)
              + "\" names no host or has user info (expected http://host[:port]/path)");
    }
    String rest = target.substring(end);
    return split(rest.startsWith("/") ? rest : "/" + rest, Optional.of(authority));
  }

  private static RequestTarget split(String target, Optional<String> authority) {
    int q = target.indexOf('?');
    return q < 0
        ? new RequestTarget(target, "", authority)
        : new RequestTarget(target.substring(0, q), target.substring(q + 1), authority);
  }

  /** The length of a leading {@code http://} or {@code https://} (any case), else -1. */
  private static int schemeLength(String target) {
    if (target.startsWith("/")) {
      return -1;
    }
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      return 7;
    }
    return target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
  }
}
