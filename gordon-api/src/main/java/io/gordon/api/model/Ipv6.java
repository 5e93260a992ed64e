package io.gordon.api.model;

import org.jspecify.annotations.Nullable;

/** IPv6 literal parsing and RFC 5952 canonical text. */
final class Ipv6 {
  private Ipv6() {}

  static String canonical(String t) {
    int[] g = parse(t);
    if (g == null) {
      throw new IllegalArgumentException(
          "AAAA rdata \"" + t + "\" is not an IPv6 address (expected e.g. 2001:db8::1)");
    }
    return format(g);
  }

  private static int @Nullable [] parse(String t) {
    if (t.isEmpty() || t.contains("%")) {
      return null;
    }
    int dc = t.indexOf("::");
    if (dc >= 0 && t.indexOf("::", dc + 1) >= 0) {
      return null;
    }
    String head = dc >= 0 ? t.substring(0, dc) : t;
    String tail = dc >= 0 ? t.substring(dc + 2) : "";
    int[] h = groups(head, dc < 0);
    int[] tl = groups(tail, true);
    if (h == null || tl == null) {
      return null;
    }
    int n = h.length + tl.length;
    if ((dc < 0 && n != 8) || (dc >= 0 && n > 7)) {
      return null;
    }
    int[] out = new int[8];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(tl, 0, out, 8 - tl.length, tl.length);
    return out;
  }

  /** Parses colon-separated groups; the last may be a dotted IPv4 when {@code v4Ok}. */
  private static int @Nullable [] groups(String s, boolean v4Ok) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int extra = 0;
    String last = parts[parts.length - 1];
    int[] v4 = null;
    if (last.contains(".")) {
      if (!v4Ok) {
        return null;
      }
      try {
        String[] o = Rdata.ipv4(last).split("\\.");
        v4 =
            new int[] {
              Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]),
              Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3])
            };
        extra = 1;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    int hexCount = parts.length - (v4 == null ? 0 : 1);
    int[] out = new int[hexCount + (v4 == null ? 0 : 2)];
    for (int i = 0; i < hexCount; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 4 || !p.matches("[0-9a-fA-F]+")) {
        return null;
      }
      out[i] = Integer.parseInt(p, 16);
    }
    if (v4 != null) {
      out[hexCount] = v4[0];
      out[hexCount + extra] = v4[1];
    }
    return out;
  }

  private static String format(int[] g) {
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
