package io.gordon.local.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON answer written straight to UTF-8 bytes: what a {@code StringBuilder}, its {@code
 * toString()} and {@code getBytes(UTF_8)} made before, without their copies (~1.3 KB per event of a
 * {@code ?wait=true} answer). Strings are escaped exactly as Jackson's {@link JsonStringEncoder}
 * escapes them, and encoded as {@code String.getBytes(UTF_8)} encodes them.
 */
final class JsonBytes {
  private byte[] buf;
  private int len;

  JsonBytes(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Appends {@code c}, which must be ASCII (the answer's own punctuation and digits). */
  JsonBytes ascii(char c) {
    if (len == buf.length) {
      grow(1);
    }
    buf[len++] = (byte) c;
    return this;
  }

  /** Appends {@code s}, which must be ASCII (field names, punctuation). */
  JsonBytes ascii(String s) {
    int n = s.length();
    if (len + n > buf.length) {
      grow(n);
    }
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  /** Appends {@code s} encoded as UTF-8, unescaped: JSON that is already written. */
  JsonBytes utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (len + b.length > buf.length) {
      grow(b.length);
    }
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /**
   * Appends {@code text} as a quoted JSON string. Printable ASCII other than {@code "} and {@code
   * \} is copied byte by byte; from the first other character on, the rest goes through Jackson's
   * encoder and {@code getBytes(UTF_8)} as before (starting there keeps a surrogate pair whole).
   */
  JsonBytes string(String text) {
    int n = text.length();
    if (len + n + 2 > buf.length) {
      grow(n + 2);
    }
    buf[len++] = '"';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        StringBuilder rest = new StringBuilder(n - i + 16);
        JsonStringEncoder.getInstance().quoteAsString(text.substring(i), rest);
        return utf8(rest.toString()).ascii('"');
      }
      buf[len++] = (byte) c;
    }
    return ascii('"');
  }

  /** A copy of the bytes written so far. */
  byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  /** The buffer, whose first {@link #length()} bytes are the ones written (not a copy). */
  byte[] buffer() {
    return buf;
  }

  /** How many bytes were written. */
  int length() {
    return len;
  }

  /** The bytes written so far as text (ISO-8859-1: for what was written with {@link #ascii}). */
  String asciiText() {
    return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
  }

  private void grow(int more) {
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }
}
