package io.gordon.rfc2136;

import io.gordon.api.model.Change;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Address;

/**
 * Plans the optimistic message of claimed replacements (see {@code ZoneBatch}) as {@link WireOp}s
 * for {@link UpdateWire}: the records {@link ChangePlanner} and {@link Markers} plan without reads,
 * without building them as dnsjava objects. Only what is plain is planned here: A, AAAA and TXT
 * records of one plain string, names of lower-case letters, digits, {@code -}, {@code _} and {@code
 * *}, and a marker of one plain string; for anything else {@link #plan} answers empty and the chunk
 * takes the dnsjava path as before, which also words its errors.
 */
final class WireOps {
  private static final int MAX_WIRE_NAME = 255;
  private static final int MAX_LABEL = 63;

  private WireOps() {}

  /** The chunk's changes as wire ops, or empty when any of them is not plain (see above). */
  static Optional<List<WireOp>> plan(
      List<Change> changes, List<Integer> chunk, String zone, int defaultTtl) {
    if (!plainName(zone)) {
      return Optional.empty();
    }
    List<WireOp> ops = new ArrayList<>(chunk.size());
    for (int i : chunk) {
      Optional<WireOp> op = plan(i, changes.get(i), zone, defaultTtl);
      if (op.isEmpty()) {
        return Optional.empty();
      }
      ops.add(op.get());
    }
    return Optional.of(ops);
  }

  /** {@code change} as a wire op, or empty when it is not a plain claimed replacement. */
  static Optional<WireOp> plan(int index, Change change, String zone, int defaultTtl) {
    if (!(change instanceof Change.Replace c) || c.ownership().isEmpty()) {
      return Optional.empty();
    }
    RecordType type = c.type();
    int code = code(type);
    String name = c.name();
    int ttl = c.records().ttlOr(defaultTtl);
    if (code < 0 || ttl < 0 || !plainName(name)) {
      return Optional.empty();
    }
    String marker;
    try {
      marker = OwnerMarker.nameFor(name, type, zone);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the dnsjava path refuses it with this message
    }
    Ownership claim = c.ownership().get();
    String content = new OwnerMarker(claim.ownerId(), name, type).content();
    byte[] markerText = characterString(content, 0, content.length());
    byte[][] rdata = rdata(type, c.records().rdata());
    byte[][] expected = c.expected().isEmpty() ? null : rdata(type, c.expected().get());
    if (!plainName(marker)
        || markerText == null
        || rdata == null
        || (c.expected().isPresent() && expected == null)) {
      return Optional.empty();
    }
    return Optional.of(
        new WireOp(index, c, name, code, ttl, rdata, expected, marker, markerText, claim.adopt()));
  }

  private static int code(RecordType type) {
    return switch (type) {
      case A -> 1;
      case AAAA -> 28;
      case TXT -> 16;
      default -> -1;
    };
  }

  /** Each rdata's octets, or null when one is not plain. */
  private static byte[][] rdata(RecordType type, List<String> rdata) {
    byte[][] out = new byte[rdata.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = rdata(type, rdata.get(i));
      if (out[i] == null) {
        return null;
      }
    }
    return out;
  }

  private static byte[] rdata(RecordType type, String rdata) {
    return switch (type) {
      case A -> Address.toByteArray(rdata, Address.IPv4);
      case AAAA -> {
        byte[] a = Address.toByteArray(rdata, Address.IPv6);
        // dnsjava turns an IPv4-mapped address into 4 octets (via InetAddress): keep its path
        yield a == null || mapped(a) ? null : a;
      }
      case TXT ->
          rdata.length() >= 2 && rdata.charAt(0) == '"' && rdata.charAt(rdata.length() - 1) == '"'
              ? characterString(rdata, 1, rdata.length() - 1)
              : null;
      default -> null;
    };
  }

  private static boolean mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  /**
   * {@code s[from, to)} as one length-prefixed character-string, or null unless it is plain: at
   * most 255 printable ASCII characters without quotes or backslashes, which dnsjava would read as
   * escapes (the rule of {@link Records#plainString}).
   */
  private static byte[] characterString(String s, int from, int to) {
    if (to - from > 255) {
      return null;
    }
    byte[] out = new byte[to - from + 1];
    out[0] = (byte) (to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return null;
      }
      out[i - from + 1] = (byte) c;
    }
    return out;
  }

  /**
   * Whether {@code name} is absolute, within the DNS limits, and of labels that need no escape and
   * compare alike in any case: what {@link UpdateWire} writes as it is.
   */
  static boolean plainName(String name) {
    int n = name.length();
    if (n < 2 || n + 1 > MAX_WIRE_NAME || name.charAt(n - 1) != '.') {
      return false;
    }
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (i == start || i - start > MAX_LABEL) {
          return false;
        }
        start = i + 1;
      } else if (!((c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '*')) {
        return false;
      }
    }
    return true;
  }
}
