package io.gordon.rfc2136;

import io.gordon.api.ConfigException;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.model.DnsNames;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
 * @param maxBatchesInFlight the most {@code apply} calls (the core's batches) of one zone at once
 */
public record Rfc2136Settings(
    String plugin,
    InetSocketAddress server,
    List<String> zones,
    Optional<TsigSettings> tsig,
    Duration timeout,
    TcpMode tcp,
    int defaultTtl,
    int maxChangesPerUpdate,
    int maxUpdatesInFlight,
    int maxBatchesInFlight) {

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
    if (maxChangesPerUpdate < 1
        || maxUpdatesInFlight < 1
        || maxBatchesInFlight < 1
        || defaultTtl < 0) {
      throw new IllegalArgumentException(
          "max_changes_per_update, max_updates_in_flight and max_batches_in_flight must"
              + " be at least 1 and default_ttl at least 0");
    }
  }

  /** The settings with {@code max_batches_in_flight} at its default. */
  public Rfc2136Settings(
      String plugin,
      InetSocketAddress server,
      List<String> zones,
      Optional<TsigSettings> tsig,
      Duration timeout,
      TcpMode tcp,
      int defaultTtl,
      int maxChangesPerUpdate,
      int maxUpdatesInFlight) {
    this(
        plugin,
        server,
        zones,
        tsig,
        timeout,
        tcp,
        defaultTtl,
        maxChangesPerUpdate,
        maxUpdatesInFlight,
        Rfc2136Spec.DEFAULT_BATCHES_IN_FLIGHT);
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
        throw new ConfigException(
            plugin
                + ".tcp: invalid value \""
                + text
                + "\" (expected one of \"auto\", \"always\", \"never\")");
      }
    }
  }

  /** Reads the settings from a configuration validated against {@link Rfc2136Spec#SPEC}. */
  public static Rfc2136Settings from(PluginConfig c) {
    String p = c.plugin();
    Optional<TsigSettings> tsig =
        c.get(Rfc2136Spec.TSIG_KEY_NAME)
            .flatMap(
                k ->
                    c.get(Rfc2136Spec.TSIG_SECRET)
                        .map(s -> TsigSettings.of(p, k, c.get(Rfc2136Spec.TSIG_ALGORITHM), s)));
    return new Rfc2136Settings(
        p,
        c.get(Rfc2136Spec.SERVER).socketAddress(),
        c.get(Rfc2136Spec.ZONES),
        tsig,
        c.get(Rfc2136Spec.TIMEOUT),
        TcpMode.parse(p, c.get(Rfc2136Spec.TCP)),
        c.get(Rfc2136Spec.DEFAULT_TTL),
        c.get(Rfc2136Spec.MAX_CHANGES),
        c.get(Rfc2136Spec.MAX_IN_FLIGHT),
        c.get(Rfc2136Spec.MAX_BATCHES));
  }

  /** Parses a server address as the {@code server} key does (port 53 when omitted). */
  static InetSocketAddress parseServer(String plugin, String text) {
    return HostPort.parse(text, OptionalInt.of(53))
        .map(HostPort::socketAddress)
        .orElseThrow(
            () ->
                new ConfigException(
                    plugin
                        + ".server: invalid value \""
                        + text
                        + "\" (expected host:port, e.g. 127.0.0.1:53)"));
  }

  /** {@code host:port} of the server, for messages. */
  public String serverText() {
    return server.getHostString() + ":" + server.getPort();
  }
}
