package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;

/**
 * Writes a zone as an RFC 1035 master file that BIND, Knot, NSD and CoreDNS load: absolute
 * names, one record per line, the SOA first, then the apex, then every name in canonical order.
 */
final class ZoneFileWriter {
  private ZoneFileWriter() {}

  static String write(ZoneData zone, long defaultTtl) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("; Zone ").append(zone.origin()).append(" maintained by gordon (local.zonefile).\n")
        .append("; gordon rewrites this file atomically on every change and keeps records of\n")
        .append("; types it does not manage. Edit it only while gordon is stopped.\n")
        .append("$ORIGIN ").append(zone.origin()).append('\n')
        .append("$TTL ").append(defaultTtl).append('\n');
    Soa soa = zone.soa();
    line(sb, zone.origin(), soa.ttl(), "SOA", soa.rdata());
    for (RecordSet set : zone.sets()) {
      for (String rdata : set.rdata()) {
        line(sb, set.name(), set.ttlOr((int) defaultTtl), set.type().name(),
            rdata);
      }
    }
    for (RawRecord r : zone.raw()) {
      line(sb, r.owner(), r.ttl(), r.type(), r.rdata());
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String owner, long ttl, String type, String rdata) {
    sb.append(owner).append(' ').append(ttl).append(" IN ").append(type).append(' ')
        .append(rdata).append('\n');
  }
}
