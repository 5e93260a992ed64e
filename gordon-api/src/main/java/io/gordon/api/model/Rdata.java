package io.gordon.api.model;

import java.util.List;
import java.util.Locale;

/**
 * Parses rdata in presentation form per record type and returns its canonical text, so that two
 * spellings of the same data compare equal ({@code 2001:DB8::0:1} and {@code 2001:db8::1}). Host
 * names in rdata are made absolute; TXT strings are quoted and escaped, and an unquoted TXT value
 * longer than 255 octets is split into 255-octet strings.
 */
public final class Rdata {
  private Rdata() {}

  /**
   * The canonical TXT rdata of character-strings {@code strings} (as a DNS message carries them):
   * each quoted, {@code "} and {@code \} escaped, octets outside printable ASCII as {@code \DDD},
   * one space between; what {@link #normalize} gives for the same strings.
   */
  public static String txt(List<byte[]> strings) {
    return Txt.join(strings);
  }

  /**
   * Returns the canonical form of {@code text} for {@code type}.
   *
   * @throws IllegalArgumentException stating the value and what a {@code type} record holds
   */
  public static String normalize(RecordType type, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(type + " rdata must not be empty");
    }
    String t = text.trim();
    return switch (type) {
      case A -> ipv4(t);
      case AAAA -> Ipv6.canonical(t);
      case CNAME, NS, PTR -> host(type, t);
      case MX -> mx(t);
      case SRV -> srv(t);
      case TXT -> Txt.canonical(t);
      case CAA -> caa(t);
    };
  }

  /**
   * The length in octets of {@code canonical}, a value {@link #normalize} returned for {@code
   * type}, in wire form (RFC 1035 3.3, RFC 2782, RFC 8659).
   */
  static int wireLength(RecordType type, String canonical) {
    return switch (type) {
      case A -> 4;
      case AAAA -> 16;
      case CNAME, NS, PTR -> hostLength(canonical);
      case MX -> 2 + hostLength(canonical.substring(canonical.indexOf(' ') + 1));
      case SRV -> 6 + hostLength(canonical.substring(canonical.lastIndexOf(' ') + 1));
      case TXT -> Txt.wireLength(canonical);
      case CAA -> {
        int tag = canonical.indexOf(' ') + 1;
        int value = canonical.indexOf(' ', tag) + 1;
        // flags, tag length, tag, and the value without a length octet of its own
        yield 2 + (value - 1 - tag) + Txt.wireLength(canonical.substring(value)) - 1;
      }
    };
  }

  /** A normalised name's wire length: its labels, each with a length octet, and the root. */
  private static int hostLength(String name) {
    return name.equals(".") ? 1 : name.length() + 1;
  }

  /**
   * {@code t} when it is a dotted quad: four numbers 0-255 in ASCII digits, without leading zeros.
   * One pass over the characters (this runs for every A record of every event). Other scripts'
   * digits ({@code \u0661\u0669\u0662.0.2.1}) are refused: {@link Character#isDigit} took them
   * once, and a DNS server would then be sent text that is no address.
   */
  static String ipv4(String t) {
    int n = t.length();
    int parts = 0;
    int i = 0;
    while (i <= n) {
      int start = i;
      int value = 0;
      for (; i < n && t.charAt(i) != '.'; i++) {
        char c = t.charAt(i);
        value = c >= '0' && c <= '9' && value <= 255 ? value * 10 + c - '0' : Integer.MAX_VALUE;
      }
      int length = i - start;
      if (length == 0 || length > 3 || value > 255 || (length > 1 && t.charAt(start) == '0')) {
        throw new IllegalArgumentException(notA(t));
      }
      parts++;
      i++; // past the dot, or past the end
    }
    if (parts != 4) {
      throw new IllegalArgumentException(notA(t));
    }
    return t;
  }

  private static String notA(String t) {
    return "A rdata \""
        + t
        + "\" is not an IPv4 address (expected four numbers 0-255, e.g. 192.0.2.1)";
  }

  private static String host(RecordType type, String t) {
    try {
      return DnsNames.normalize(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          type + " rdata \"" + t + "\" is not a host name: " + e.getMessage());
    }
  }

  private static String mx(String t) {
    String[] f = t.split("\\s+");
    if (f.length != 2) {
      throw new IllegalArgumentException(
          "MX rdata \"" + t + "\" must be a preference and a host (e.g. \"10 mail.example.com.\")");
    }
    return u16("MX", "preference", t, f[0]) + " " + host(RecordType.MX, f[1]);
  }

  private static String srv(String t) {
    String[] f = t.split("\\s+");
    if (f.length != 4) {
      throw new IllegalArgumentException(
          "SRV rdata \""
              + t
              + "\" must be priority, weight, port and target (e.g. \"10 5 443 web.example.com.\")");
    }
    String target = f[3].equals(".") ? "." : host(RecordType.SRV, f[3]);
    return u16("SRV", "priority", t, f[0])
        + " "
        + u16("SRV", "weight", t, f[1])
        + " "
        + u16("SRV", "port", t, f[2])
        + " "
        + target;
  }

  private static String caa(String t) {
    String[] f = t.split("\\s+", 3);
    if (f.length != 3) {
      throw new IllegalArgumentException(
          "CAA rdata \""
              + t
              + "\" must be flags, tag and value (e.g. \"0 issue \\\"letsencrypt.org\\\"\")");
    }
    int flags = number("CAA", "flags", t, f[0], 255);
    String tag = f[1].toLowerCase(Locale.ROOT);
    if (!tag.matches("[a-z0-9]{1,15}")) {
      throw new IllegalArgumentException(
          "CAA rdata \""
              + t
              + "\" has tag \""
              + f[1]
              + "\" (expected 1 to 15 letters or digits, e.g. issue, issuewild, iodef)");
    }
    List<byte[]> value = Txt.parse("CAA", f[2], false);
    if (value.size() != 1) {
      throw new IllegalArgumentException(
          "CAA rdata \"" + t + "\" must have exactly one value string");
    }
    return flags + " " + tag + " " + Txt.quote(value.get(0));
  }

  private static String u16(String type, String field, String t, String v) {
    return Integer.toString(number(type, field, t, v, 65535));
  }

  private static int number(String type, String field, String t, String v, int max) {
    if (!v.matches("[0-9]{1,5}") || Integer.parseInt(v) > max) {
      throw new IllegalArgumentException(
          type
              + " rdata \""
              + t
              + "\" has "
              + field
              + " \""
              + v
              + "\" (expected a number 0-"
              + max
              + ")");
    }
    return Integer.parseInt(v);
  }
}
