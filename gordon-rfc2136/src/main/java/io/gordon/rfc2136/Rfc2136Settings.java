package io.gordon.rfc2136;

import io.gordon.api.ConfigException;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
import io.gordon.api.model.DnsNames;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated settings of one {@code rfc2136} provider.
 *
 * @param plugin the plugin name, for messages
 * @param server the primary server's address
 * @param zones the managed zones, absolute and lower case
 * @param tsig the TSIG key, or empty to send unsigned updates
 * @param timeout how long to wait for one answer
 * @param tcp when to use TCP
 * @param defaultTtl the TTL of records whose change names none
 * @param maxChangesPerUpdate the most changes in one UPDATE message
 * @param maxUpdatesInFlight the most UPDATE messages awaiting an answer at once
 */
public record Rfc2136Settings(String plugin, InetSocketAddress server, List<String> zones,
    Optional<TsigSettings> tsig, Duration timeout, TcpMode tcp, int defaultTtl,
    int maxChangesPerUpdate, int maxUpdatesInFlight) {

  /** Checks the fields. */
  public Rfc2136Settings {
    Objects.requireNonNull(plugin, "plugin == null");
    Objects.requireNonNull(server, "server == null");
    zones = zones.stream().map(DnsNames::normalize).distinct().toList();
    if (zones.isEmpty()) {
      throw new ConfigException(plugin + ".zones: must name at least one zone");
    }
    Objects.requireNonNull(tsig, "tsig == null");
    Objects.requireNonNull(timeout, "timeout == null");
    Objects.requireNonNull(tcp, "tcp == null");
    if (maxChangesPerUpdate < 1 || maxUpdatesInFlight < 1 || defaultTtl < 0) {
      throw new IllegalArgumentException("max_changes_per_update and max_updates_in_flight must"
          + " be at least 1 and default_ttl at least 0");
    }
  }

  /** When the provider uses TCP. */
  public enum TcpMode {
    /** TCP when a message does not fit in 512 octets; UDP otherwise. */
    AUTO,
    /** Always TCP. */
    ALWAYS,
    /** Never TCP (except for AXFR, which needs it); large batches are split to fit. */
    NEVER;

    static TcpMode parse(String plugin, String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(plugin + ".tcp: invalid value \"" + text
            + "\" (expected one of \"auto\", \"always\", \"never\")");
      }
    }
  }

  /** Reads the settings from a validated plugin table; missing optional keys take defaults. */
  public static Rfc2136Settings from(PluginConfig c) {
    String p = c.plugin();
    Optional<String> keyName = c.optString("tsig_key_name");
    Optional<Secret> secret = c.optSecret("tsig_secret");
    if (keyName.isPresent() != secret.isPresent()) {
      throw new ConfigException(p + ": tsig_key_name and tsig_secret go together (give both to"
          + " sign updates, or neither to send them unsigned)");
    }
    String algorithm = c.optString("tsig_algorithm").orElse(Rfc2136Spec.DEFAULT_ALGORITHM);
    Optional<TsigSettings> tsig = keyName.map(k -> TsigSettings.of(p, k, algorithm,
        secret.orElseThrow()));
    return new Rfc2136Settings(p, parseServer(p, c.string("server")), c.strings("zones"), tsig,
        c.optDuration("timeout").orElse(Rfc2136Spec.DEFAULT_TIMEOUT),
        TcpMode.parse(p, c.optString("tcp").orElse("auto")),
        intOr(c, "default_ttl", Rfc2136Spec.DEFAULT_TTL),
        intOr(c, "max_changes_per_update", Rfc2136Spec.DEFAULT_MAX_CHANGES),
        intOr(c, "max_updates_in_flight", Rfc2136Spec.DEFAULT_IN_FLIGHT));
  }

  private static int intOr(PluginConfig c, String key, long fallback) {
    return Math.toIntExact(c.has(key) ? c.longValue(key) : fallback);
  }

  static InetSocketAddress parseServer(String plugin, String text) {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? text : text.substring(0, colon);
    int port = 53;
    if (colon >= 0) {
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new ConfigException(plugin + ".server: invalid value \"" + text
          + "\" (expected host:port, e.g. 127.0.0.1:53)");
    }
    return new InetSocketAddress(host, port);
  }

  /** {@code host:port} of the server, for messages. */
  public String serverText() {
    return server.getHostString() + ":" + server.getPort();
  }
}
