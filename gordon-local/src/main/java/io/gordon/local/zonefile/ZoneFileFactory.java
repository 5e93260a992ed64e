package io.gordon.local.zonefile;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.Rdata;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.util.List;
import java.util.Optional;

/** Creates {@code local.zonefile}: a DNS provider that maintains RFC 1035 zone files. */
public final class ZoneFileFactory implements PluginFactory {
  static final Key<String> DIRECTORY =
      Key.string(
          "directory",
          "var/zones",
          Rule.nonEmpty(),
          "Directory of the zone files (relative to the config directory); one file per zone,"
              + " named <zone>zone, e.g. example.com.zone.");
  static final Key<List<String>> ZONES =
      Key.strings("zones")
          .rule(
              Rule.of(
                  "a non-empty list of zone names such as \"example.com.\"",
                  ZoneFileFactory::names))
          .required(
              "Zones to manage, e.g. [\"example.com.\"]. A zone file missing at start is"
                  + " created with an SOA and an NS record.");
  static final Key<Integer> DEFAULT_TTL =
      Key.integer(
          "default_ttl",
          300,
          Rule.between(0, Integer.MAX_VALUE),
          "TTL of records whose event gives none; also the file's $TTL.");
  static final Key<Optional<String>> PRIMARY_NS =
      Key.string("primary_ns")
          .rule(Rule.of("a domain name", v -> name(v)))
          .optional(
              "SOA primary server and apex NS" + " of zones gordon creates. Default: ns1.<zone>.");
  static final Key<Optional<String>> HOSTMASTER =
      Key.string("hostmaster")
          .rule(Rule.of("a domain name", v -> name(v)))
          .optional(
              "SOA mailbox (in DNS form) of"
                  + " zones gordon creates. Default: hostmaster.<zone>.");
  static final Key<String> NS_ADDRESS =
      Key.string(
          "ns_address",
          "127.0.0.1",
          Rule.of("an IPv4 address, or \"\" for none", ZoneFileFactory::address),
          "Address record created for the primary server when it lies inside a new zone (a"
              + " DNS server refuses a zone whose in-zone NS has no address). \"\" for none.");

  static final Key<Integer> REWRITE_SHARE =
      Key.integer(
          "rewrite_share",
          10,
          Rule.between(1, 100),
          "Most percentage of the time spent rewriting a zone file while changes keep coming."
              + " Rewriting time is earned at this share of the wall time and saved up to this"
              + " share of a second; a batch is written into the file at once while the time"
              + " earned covers the last rewrite's, else appended to <zone file>.journal"
              + " (durable: one fdatasync) and written into the file when it does. So after a"
              + " quiet time each batch is in the file before its call returns, and under"
              + " sustained load a large zone's file lags by about 9 rewrite times at 10; once"
              + " the batches stop (none for 20 ms, or for the last rewrite's duration when"
              + " longer) the file is written at once. 100 writes the file on every batch.");

  static final ConfigSpec SPEC =
      ConfigSpec.of(
          DIRECTORY, ZONES, DEFAULT_TTL, PRIMARY_NS, HOSTMASTER, NS_ADDRESS, REWRITE_SHARE);

  @Override
  public String name() {
    return "local.zonefile";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.PROVIDER;
  }

  @Override
  public String description() {
    return "Maintains one RFC 1035 zone file per zone, written atomically, for BIND, Knot,"
        + " NSD or CoreDNS to serve; under sustained load changes are made durable in a journal"
        + " beside it first.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    return new ZoneFileProvider(
        ZoneFileSettings.from(context.config(), context.configRoot()),
        context.clock(),
        context.logger(),
        context.health());
  }

  private static boolean names(Object v) {
    return v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(ZoneFileFactory::name);
  }

  private static boolean name(Object v) {
    try {
      DnsNames.normalize(String.valueOf(v));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean address(Object v) {
    try {
      return String.valueOf(v).isEmpty()
          || Rdata.normalize(RecordType.A, String.valueOf(v)) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
