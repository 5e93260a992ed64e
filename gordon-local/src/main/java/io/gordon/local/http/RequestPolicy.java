package io.gordon.local.http;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses cross-site and rebound requests before anything else looks at them: a browser page on
 * another site can send a simple POST (text/plain, no preflight) to a loopback port, and DNS
 * rebinding can make one look same-origin. So: a {@code Host} header must name the listen address
 * (or {@code localhost} on loopback, or a configured name), else 421; an {@code Origin} header must
 * be in the allow-list (empty by default), else 403; a POST body must be JSON ({@code
 * application/json}) or JSON lines ({@code application/x-ndjson}), else 415.
 */
final class RequestPolicy {
  static final Set<String> BODY_TYPES = Set.of("application/json", "application/x-ndjson");
  private final Set<String> hosts;
  private final boolean wildcard;
  private final Set<String> origins;

  RequestPolicy(InetAddress bound, List<String> allowedHosts, List<String> allowedOrigins) {
    this.wildcard = bound.isAnyLocalAddress();
    java.util.HashSet<String> h = new java.util.HashSet<>();
    allowedHosts.forEach(n -> h.add(n.toLowerCase(Locale.ROOT)));
    h.add(bound.getHostAddress().toLowerCase(Locale.ROOT));
    if (bound.isLoopbackAddress() || wildcard) {
      h.addAll(List.of("localhost", "127.0.0.1", "::1"));
    }
    this.hosts = Set.copyOf(h);
    this.origins =
        allowedOrigins.stream()
            .map(o -> o.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The refusal of {@code r}, if it must be refused. */
  Optional<Response> check(Request r) {
    Optional<String> host = r.header("host");
    if (host.isPresent() && !hostAllowed(host.get())) {
      return refuse(
          421,
          "Host \""
              + host.get()
              + "\" does not name this server (allowed: "
              + String.join(", ", new java.util.TreeSet<>(hosts))
              + (wildcard ? ", any IP address" : "")
              + "); add the name to allowed_hosts if it is yours");
    }
    Optional<String> origin = r.header("origin");
    if (origin.isPresent() && !origins.contains(origin.get().toLowerCase(Locale.ROOT))) {
      return refuse(
          403,
          "cross-origin request from Origin \""
              + origin.get()
              + "\" refused"
              + " (allowed_origins: "
              + (origins.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(origins)))
              + ")");
    }
    if (r.method().equals("POST")) {
      String type = r.header("content-type").orElse("");
      String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (!BODY_TYPES.contains(media) || !utf8(type)) {
        return refuse(
            415,
            "Content-Type \""
                + type
                + "\" is not accepted: send"
                + " application/json (one event or an array) or application/x-ndjson (one event"
                + " per line), in UTF-8");
      }
    }
    return Optional.empty();
  }

  private static boolean utf8(String type) {
    for (String param : type.split(";")) {
      String[] kv = param.trim().split("=", 2);
      if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
        String cs = kv[1].trim().replace("\"", "");
        return cs.equalsIgnoreCase("utf-8") || cs.equalsIgnoreCase("utf8");
      }
    }
    return true;
  }

  private boolean hostAllowed(String header) {
    String h = header.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      h = close < 0 ? h : h.substring(1, close);
    } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
      h = h.substring(0, h.indexOf(':'));
    }
    return hosts.contains(h) || (wildcard && ipLiteral(h));
  }

  private static boolean ipLiteral(String h) {
    return h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
        || (h.contains(":") && h.matches("[0-9a-f:.]+"));
  }

  private static Optional<Response> refuse(int status, String message) {
    return Optional.of(Response.json(status, Json.error(message).toString() + "\n"));
  }
}
