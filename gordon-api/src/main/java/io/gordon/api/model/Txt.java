package io.gordon.api.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** TXT character strings: parsing and canonical quoting. */
final class Txt {
  private Txt() {}

  static String canonical(String t) {
    return join(parse("TXT", t, true));
  }

  /** The canonical form of character-strings {@code strings}: each quoted, one space between. */
  static String join(List<byte[]> strings) {
    StringBuilder sb = new StringBuilder();
    for (byte[] s : strings) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(quote(s));
    }
    return sb.toString();
  }

  /**
   * The wire length of canonical TXT text (quoted strings, escapes {@code \"}, {@code \\} and
   * {@code \DDD} only, as {@link #quote} writes): a length octet and the octets of each.
   */
  static int wireLength(String canonical) {
    int octets = 0;
    boolean inside = false;
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c == '"') {
        octets += inside ? 0 : 1;
        inside = !inside;
      } else if (inside) {
        octets++;
        if (c == '\\') {
          i += isAsciiDigit(canonical.charAt(i + 1)) ? 3 : 1;
        }
      }
    }
    return octets;
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
        out.add(Arrays.copyOfRange(all, i, Math.min(all.length, i + 255)));
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
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      i = readQuoted(type, t, i + 1, buf);
      byte[] s = buf.toByteArray();
      checkLength(type, t, s);
      out.add(s);
    }
    return out;
  }

  private static int readQuoted(String type, String t, int i, ByteArrayOutputStream b) {
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < t.length()) {
        i = readEscape(type, t, i + 1, b);
        continue;
      }
      int cp = t.codePointAt(i);
      b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
      i += Character.charCount(cp);
    }
    throw new IllegalArgumentException(type + " rdata \"" + t + "\" has an unclosed quote");
  }

  /**
   * Reads the escape whose first character after the backslash is at {@code i}: {@code \DDD}, three
   * ASCII digits for one octet, or any other character for itself (as BIND and Knot read zone
   * files: {@code \1x} is an error there, not "1x"). Returns the index after it.
   */
  private static int readEscape(String type, String t, int i, ByteArrayOutputStream b) {
    if (!isAsciiDigit(t.charAt(i))) {
      int cp = t.codePointAt(i);
      b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
      return i + Character.charCount(cp);
    }
    int end = i;
    while (end < t.length() && end < i + 3 && isAsciiDigit(t.charAt(end))) {
      end++;
    }
    String digits = t.substring(i, end);
    int v = end == i + 3 ? Integer.parseInt(digits) : -1;
    if (v < 0 || v > 255) {
      throw new IllegalArgumentException(
          type
              + " rdata \""
              + t
              + "\" has escape \\"
              + digits
              + " (expected \\000 to \\255: a backslash and three digits for one octet)");
    }
    b.write(v);
    return end;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
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
