package io.gordon.api.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

  /** TXT character strings: parsing and canonical quoting. */
  static final class Txt {
    private Txt() {}

    static String canonical(String t) {
      List<byte[]> strings = parse("TXT", t, true);
      StringBuilder sb = new StringBuilder();
      for (byte[] s : strings) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(quote(s));
      }
      return sb.toString();
    }

    /** Quoted strings are parsed one by one; an unquoted value is one string, split at 255. */
    static List<byte[]> parse(String type, String t, boolean split) {
      if (!t.startsWith("\"")) {
        byte[] all = t.getBytes(StandardCharsets.UTF_8);
        if (!split) {
          checkLength(type, t, all);
          return List.of(all);
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < all.length; i += 255) {
          out.add(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 255)));
        }
        return out;
      }
      List<byte[]> out = new ArrayList<>();
      int i = 0;
      while (i < t.length()) {
        char c = t.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        if (c != '"') {
          throw new IllegalArgumentException(
              type
                  + " rdata \""
                  + t
                  + "\" mixes quoted and unquoted text (expected every string in double quotes)");
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        i = readQuoted(type, t, i + 1, buf);
        byte[] s = buf.toByteArray();
        checkLength(type, t, s);
        out.add(s);
      }
      return out;
    }

    private static int readQuoted(String type, String t, int i, java.io.ByteArrayOutputStream b) {
      while (i < t.length()) {
        char c = t.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        if (c == '\\' && i + 1 < t.length()) {
          char n = t.charAt(i + 1);
          if (Character.isDigit(n)
              && i + 3 < t.length()
              && t.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(t.substring(i + 1, i + 4));
            if (v > 255) {
              throw new IllegalArgumentException(
                  type
                      + " rdata \""
                      + t
                      + "\" has escape \\"
                      + t.substring(i + 1, i + 4)
                      + " (expected \\000 to \\255)");
            }
            b.write(v);
            i += 4;
          } else {
            b.writeBytes(String.valueOf(n).getBytes(StandardCharsets.UTF_8));
            i += 2;
          }
          continue;
        }
        int cp = t.codePointAt(i);
        b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
      throw new IllegalArgumentException(type + " rdata \"" + t + "\" has an unclosed quote");
    }

    private static void checkLength(String type, String t, byte[] s) {
      if (s.length > 255) {
        throw new IllegalArgumentException(
            type
                + " rdata \""
                + t
                + "\" has a string of "
                + s.length
                + " octets (expected at most 255 per string)");
      }
    }

    static String quote(byte[] s) {
      StringBuilder sb = new StringBuilder("\"");
      for (byte value : s) {
        int c = value & 0xff;
        if (c == '"' || c == '\\') {
          sb.append('\\').append((char) c);
        } else if (c < 0x20 || c > 0x7e) {
          sb.append('\\').append(String.format("%03d", c));
        } else {
          sb.append((char) c);
        }
      }
      return sb.append('"').toString();
    }
  }
}
