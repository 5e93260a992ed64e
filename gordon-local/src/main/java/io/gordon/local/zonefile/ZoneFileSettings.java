package io.gordon.local.zonefile;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.model.DnsNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The validated settings of {@code local.zonefile}.
 *
 * @param directory where the zone files live
 * @param zones managed zones, absolute and lower case
 * @param defaultTtl TTL for records an event gives none, and the file's $TTL
 * @param primaryNs the SOA MNAME and apex NS of created zones; empty means ns1.&lt;zone&gt;
 * @param hostmaster the SOA RNAME of created zones; empty means hostmaster.&lt;zone&gt;
 * @param nsAddress the A record of an in-zone primary name server; empty for none
 * @param rewriteSharePercent the most share of time (1-100%) that rewriting a zone file may take
 *     while batches keep coming ({@link RewritePolicy})
 */
record ZoneFileSettings(
    Path directory,
    List<String> zones,
    int defaultTtl,
    Optional<String> primaryNs,
    Optional<String> hostmaster,
    Optional<String> nsAddress,
    int rewriteSharePercent) {

  ZoneFileSettings {
    if (rewriteSharePercent < 1 || rewriteSharePercent > 100) {
      throw new IllegalArgumentException(
          "rewrite_share " + rewriteSharePercent + " (expected a percentage from 1 to 100)");
    }
  }

  /** Reads a configuration validated against {@link ZoneFileFactory#SPEC}. */
  static ZoneFileSettings from(PluginConfig c, Path root) {
    return new ZoneFileSettings(
        root.resolve(c.get(ZoneFileFactory.DIRECTORY)),
        c.get(ZoneFileFactory.ZONES).stream().map(DnsNames::normalize).distinct().toList(),
        c.get(ZoneFileFactory.DEFAULT_TTL),
        c.get(ZoneFileFactory.PRIMARY_NS).filter(s -> !s.isBlank()).map(DnsNames::normalize),
        c.get(ZoneFileFactory.HOSTMASTER).filter(s -> !s.isBlank()).map(DnsNames::normalize),
        Optional.of(c.get(ZoneFileFactory.NS_ADDRESS)).filter(s -> !s.isBlank()),
        c.get(ZoneFileFactory.REWRITE_SHARE));
  }

  /** The file of {@code zone}: {@code <directory>/<zone>zone}, e.g. example.com.zone. */
  Path file(String zone) {
    return directory.resolve(zone.equals(".") ? "root.zone" : zone + "zone");
  }

  String primaryNs(String zone) {
    return primaryNs.orElse(zone.equals(".") ? "ns1." : "ns1." + zone);
  }

  String hostmaster(String zone) {
    return hostmaster.orElse(zone.equals(".") ? "hostmaster." : "hostmaster." + zone);
  }
}
