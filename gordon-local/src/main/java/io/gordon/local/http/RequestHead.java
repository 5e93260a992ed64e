package io.gordon.local.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the text of an HTTP/1.1 request head that {@link RequestReader} has read: the request
 * line, the header lines and the framing headers. Static helpers, no state.
 */
final class RequestHead {
  private RequestHead() {}

  /** The head's lines without their CR LF (or LF); no regex, this runs per request. */
  static String[] lines(String head) {
    List<String> out = new ArrayList<>(16);
    int start = 0;
    for (int nl = head.indexOf('\n'); nl >= 0; nl = head.indexOf('\n', start)) {
      int end = nl > start && head.charAt(nl - 1) == '\r' ? nl - 1 : nl;
      out.add(head.substring(start, end));
      start = nl + 1;
    }
    if (start < head.length()) {
      out.add(head.substring(start));
    }
    return out.toArray(String[]::new);
  }

  /** The request line split in three; refuses anything but {@code METHOD target HTTP/1.x}. */
  static String[] requestLine(String line) throws HttpProblem {
    String[] first = line.split(" ");
    if (first.length != 3 || !first[2].startsWith("HTTP/1.")) {
      throw new HttpProblem(
          400, "malformed request line \"" + clip(line) + "\" (expected METHOD /path HTTP/1.1)");
    }
    return first;
  }

  static Map<String, List<String>> headers(String[] lines) throws HttpProblem {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new HttpProblem(
            400, "malformed header line \"" + clip(line) + "\" (expected Name: value)");
      }
      if (blankBefore(line, ' ', colon) || blankBefore(line, '\t', colon)) {
        // "Transfer-Encoding : chunked" is a name gordon would ignore and a proxy might not: the
        // desync that smuggles requests, to be refused (RFC 9112 5.1).
        throw new HttpProblem(
            400,
            "malformed header line \""
                + clip(line)
                + "\": whitespace in or after the name (expected Name: value)");
      }
      String value = line.substring(colon + 1).trim();
      List<String> known = h.putIfAbsent(name(line, colon), List.of(value));
      if (known != null) {
        List<String> more = new ArrayList<>(known);
        more.add(value);
        h.put(name(line, colon), more);
      }
    }
    return h;
  }

  private static boolean blankBefore(String line, char blank, int colon) {
    int at = line.indexOf(blank);
    return at >= 0 && at < colon;
  }

  /** Header names almost every request has: matched in place, no string made per request. */
  private static final List<String> COMMON =
      List.of(
          "host",
          "content-type",
          "content-length",
          "connection",
          "authorization",
          "user-agent",
          "accept",
          "origin",
          "transfer-encoding",
          "expect");

  /** The lower-case name of the header {@code line} whose colon is at {@code colon}. */
  private static String name(String line, int colon) {
    for (String n : COMMON) {
      if (n.length() == colon && line.regionMatches(true, 0, n, 0, colon)) {
        return n;
      }
    }
    return line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
  }

  /** Whether the body is chunked; refuses framings that disagree or that gordon does not take. */
  static boolean chunked(List<String> te, List<String> cl) throws HttpProblem {
    boolean chunked = te != null && te.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
    if (te != null && cl != null) {
      // Two framings that disagree is how requests are smuggled past a proxy (RFC 9112 6.3).
      throw new HttpProblem(
          400, "both Transfer-Encoding and Content-Length are present (expected only one of them)");
    }
    if (te != null && !chunked) {
      throw new HttpProblem(
          501,
          "Transfer-Encoding " + te + " is not supported (use chunked" + " or Content-Length)");
    }
    return chunked;
  }

  static long contentLength(List<String> values) throws HttpProblem {
    String v = values.get(0);
    boolean digits = !v.isEmpty() && v.length() <= 18;
    for (int i = 0; digits && i < v.length(); i++) {
      digits = v.charAt(i) >= '0' && v.charAt(i) <= '9';
    }
    for (String o : values) {
      digits &= o.equals(v);
    }
    if (!digits) {
      throw new HttpProblem(
          400, "invalid Content-Length " + values + " (expected one non-negative integer)");
    }
    return Long.parseLong(v);
  }

  static String clip(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }
}
