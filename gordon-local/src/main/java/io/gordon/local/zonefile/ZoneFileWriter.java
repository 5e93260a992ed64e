package io.gordon.local.zonefile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a zone as an RFC 1035 master file that BIND, Knot, NSD and CoreDNS load: absolute
 * names, one record per line, the SOA first, then the apex, then every name in canonical order.
 * Each RRset's lines are formatted once and cached in {@link ZoneData} as UTF-8, so a rewrite
 * copies bytes, linear in the file's size, without formatting the unchanged records again.
 */
final class ZoneFileWriter {
  private ZoneFileWriter() {}

  /** The file's content as UTF-8. */
  static byte[] write(ZoneData zone) {
    StringBuilder head = new StringBuilder(512);
    head.append("; Zone ").append(zone.origin())
        .append(" maintained by gordon (local.zonefile).\n")
        .append("; gordon rewrites this file atomically on every change and keeps records of\n")
        .append("; types it does not manage. Edit it only while gordon is stopped.\n")
        .append("$ORIGIN ").append(zone.origin()).append('\n')
        .append("$TTL ").append(zone.defaultTtl()).append('\n');
    Soa soa = zone.soa();
    line(head, zone.origin(), soa.ttl(), "SOA", soa.rdata());
    StringBuilder tail = new StringBuilder();
    for (List<RawRecord> owner : zone.raw()) {
      for (RawRecord r : owner) {
        line(tail, r.owner(), r.ttl(), r.type(), r.rdata());
      }
    }
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.toString().getBytes(StandardCharsets.UTF_8);
    int size = h.length + t.length;
    for (ZoneData.Entry e : zone.entries()) {
      size += e.text(zone.defaultTtl()).length;
    }
    byte[] out = new byte[size];
    int at = copy(h, out, 0);
    for (ZoneData.Entry e : zone.entries()) {
      at = copy(e.text(zone.defaultTtl()), out, at);
    }
    copy(t, out, at);
    return out;
  }

  private static int copy(byte[] from, byte[] to, int at) {
    System.arraycopy(from, 0, to, at, from.length);
    return at + from.length;
  }

  /** The file's content as text (for tests and diagnostics). */
  static String text(ZoneData zone) {
    return new String(write(zone), StandardCharsets.UTF_8);
  }

  static void line(StringBuilder sb, String owner, long ttl, String type, String rdata) {
    sb.append(owner).append(' ').append(ttl).append(" IN ").append(type).append(' ')
        .append(rdata).append('\n');
  }
}
