package io.gordon.api.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code host:port} address as written in the configuration ({@code 127.0.0.1:8053}, {@code
 * [::1]:80}, {@code localhost:9053}), parsed once by the core into the value of a {@link
 * ConfigType#HOST_PORT} key. An IPv6 host needs brackets when a port follows it.
 *
 * @param host the host without IPv6 brackets
 * @param port 0..65535; 0 picks a free port where gordon listens
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
    return parse(text, OptionalInt.empty());
  }

  /**
   * Parses {@code host:port}, or a bare host when {@code defaultPort} is present ({@code
   * ns1.example.com}, {@code 192.0.2.1}, {@code [2001:db8::1]} or {@code 2001:db8::1}).
   *
   * @return the address; empty when {@code text} is not one
   */
  public static Optional<HostPort> parse(String text, OptionalInt defaultPort) {
    Objects.requireNonNull(text, "text == null");
    if (text.isEmpty() || !text.strip().equals(text)) {
      return Optional.empty();
    }
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 2) {
        return Optional.empty();
      }
      String rest = text.substring(close + 1);
      return rest.isEmpty()
          ? withDefault(text.substring(1, close), defaultPort)
          : rest.startsWith(":")
              ? of(text.substring(1, close), rest.substring(1))
              : Optional.empty();
    }
    int colon = text.indexOf(':');
    if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
      // No port, or an unbracketed IPv6 address: a host alone, if the key has a default port.
      return colon < 0 || defaultPort.isPresent() && text.matches("[0-9a-fA-F:.]+")
          ? withDefault(text, defaultPort)
          : Optional.empty();
    }
    return of(text.substring(0, colon), text.substring(colon + 1));
  }

  private static Optional<HostPort> withDefault(String host, OptionalInt defaultPort) {
    return defaultPort.isPresent()
        ? of(host, Integer.toString(defaultPort.getAsInt()))
        : Optional.empty();
  }

  private static Optional<HostPort> of(String host, String port) {
    if (host.isEmpty()
        || !port.matches("[0-9]{1,5}")
        || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '@')) {
      return Optional.empty();
    }
    int p = Integer.parseInt(port);
    return p > 65535 ? Optional.empty() : Optional.of(new HostPort(host, p));
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
    return port != 0
        && port == other.port
        && (wildcard() || other.wildcard() || host.equalsIgnoreCase(other.host));
  }

  /** The address to bind or connect to; a name is resolved now. */
  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }

  /** {@code host:port}, with brackets around IPv6 hosts. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
