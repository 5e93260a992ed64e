package io.gordon.local.zonefile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a zone as an RFC 1035 master file that BIND, Knot, NSD and CoreDNS load: absolute names,
 * one record per line, the SOA first, then the apex, then every name in canonical order. Each
 * RRset's lines are formatted once and cached in {@link ZoneData} as UTF-8, in runs of RRsets
 * ({@link TextRuns}), so a rewrite hands the unchanged runs' bytes to one gathering write without
 * formatting, copying or even visiting their RRsets again.
 */
final class ZoneFileWriter {
  /**
   * The header line naming the last journal entry the file holds ({@link ZoneJournal}): after a
   * crash only later entries are applied again.
   */
  static final String SEQUENCE = "; gordon journal sequence ";

  private ZoneFileWriter() {}

  /** The journal sequence named in a file's header, 0 when it names none (e.g. a file by hand). */
  static long sequence(String text) {
    int at = text.indexOf("\n" + SEQUENCE);
    if (at < 0 || at > 4096) {
      return 0;
    }
    int from = at + 1 + SEQUENCE.length();
    int to = from;
    while (to < text.length() && Character.isDigit(text.charAt(to)) && to - from < 18) {
      to++;
    }
    return to == from ? 0 : Long.parseLong(text, from, to, 10);
  }

  /**
   * The file's content as UTF-8 pieces in order, for one gathering write: the header and SOA, the
   * managed RRsets' runs of cached text ({@link ZoneData#texts()}), the unmanaged records.
   */
  static ByteBuffer[] buffers(ZoneData zone) {
    StringBuilder head = new StringBuilder(512);
    head.append("; Zone ")
        .append(zone.origin())
        .append(" maintained by gordon (local.zonefile).\n")
        .append("; gordon rewrites this file atomically on each change or, under sustained load,\n")
        .append(
            "; keeps changes in its .journal for a moment first. It keeps records of types it\n")
        .append("; does not manage.")
        .append(" Edit it only while gordon is stopped.\n")
        .append(SEQUENCE)
        .append(zone.sequence())
        .append('\n')
        .append("$ORIGIN ")
        .append(zone.origin())
        .append('\n')
        .append("$TTL ")
        .append(zone.defaultTtl())
        .append('\n');
    Soa soa = zone.soa();
    line(head, zone.origin(), soa.ttl(), "SOA", soa.rdata());
    StringBuilder tail = new StringBuilder();
    for (List<RawRecord> owner : zone.raw()) {
      for (RawRecord r : owner) {
        line(tail, r.owner(), r.ttl(), r.type(), r.rdata());
      }
    }
    List<ByteBuffer> runs = zone.texts();
    ByteBuffer[] out = new ByteBuffer[runs.size() + 2];
    out[0] = ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < runs.size(); i++) {
      out[i + 1] = runs.get(i);
    }
    out[out.length - 1] = ByteBuffer.wrap(tail.toString().getBytes(StandardCharsets.UTF_8));
    return out;
  }

  /** The file's content as UTF-8, in one array. */
  static byte[] write(ZoneData zone) {
    ByteBuffer[] pieces = buffers(zone);
    int size = 0;
    for (ByteBuffer b : pieces) {
      size += b.remaining();
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (ByteBuffer b : pieces) {
      out.put(b);
    }
    return out.array();
  }

  /** The file's content as text (for tests and diagnostics). */
  static String text(ZoneData zone) {
    return new String(write(zone), StandardCharsets.UTF_8);
  }

  static void line(StringBuilder sb, String owner, long ttl, String type, String rdata) {
    sb.append(owner)
        .append(' ')
        .append(ttl)
        .append(" IN ")
        .append(type)
        .append(' ')
        .append(rdata)
        .append('\n');
  }
}
