package io.gordon.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code host:port} address as written in the configuration ({@code 127.0.0.1:8053},
 * {@code [::1]:80}, {@code localhost:9053}), parsed once.
 *
 * @param host the host without IPv6 brackets
 * @param port 0..65535; 0 picks a free port
 */
public record HostPort(String host, int port) {
  /** Validates the fields. */
  public HostPort {
    Objects.requireNonNull(host, "host == null");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host is empty (expected a name or an address)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }
  }

  /** Parses {@code host:port}; empty when {@code text} is not one. */
  public static Optional<HostPort> parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      return Optional.empty(); // IPv6 needs brackets
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      return port < 0 || port > 65535 || host.isEmpty() ? Optional.empty()
          : Optional.of(new HostPort(host, port));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** True for the any-address (0.0.0.0, ::), which also takes every other address's port. */
  public boolean wildcard() {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
  }

  /**
   * True when only this host can connect: localhost, 127.0.0.0/8, ::1. A name is resolved as the
   * server would resolve it; a name that does not resolve counts as not loopback.
   */
  public boolean loopback() {
    if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True when both cannot listen at once: same fixed port, same host or one a wildcard. */
  public boolean clashesWith(HostPort other) {
    return port != 0 && port == other.port
        && (wildcard() || other.wildcard() || host.equalsIgnoreCase(other.host));
  }

  /** {@code host:port}, with brackets around IPv6 hosts. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
