package io.gordon.local.http;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of events for fuzzing: valid generic events of every shape the codec knows, and
 * mutations of them (fields dropped, values of the wrong type, broken JSON, odd characters, deep
 * nesting, huge values). The same seed gives the same sequence, so a failure replays.
 */
final class EventFuzzer {
  private static final List<String> TYPES =
      List.of(
          "A", "AAAA", "CNAME", "TXT", "MX", "NS", "PTR", "SRV", "CAA", "SOA", "a", "", "BOGUS",
          "TYPE65");
  private static final List<String> ACTIONS =
      List.of("additions", "deletions", "delete", "add", "", "ADDITIONS");
  private static final List<String> ODD =
      List.of(
          "\u0000",
          "\\u0000",
          "\u00e9",
          "\ud83d\ude00",
          "\\ud800",
          "\"",
          "\\",
          "\n",
          "\t",
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "null",
          "true",
          "-0",
          "1e999",
          "9999999999999999999999",
          "..",
          ".",
          "*",
          "xn--",
          "-",
          "_",
          " ",
          "\u200b");
  private final Random r;

  EventFuzzer(long seed) {
    this.r = new Random(seed);
  }

  /** One event document: valid about a third of the time, otherwise mutated. */
  String next(int i) {
    String valid = valid(i);
    return r.nextInt(3) == 0 ? valid : mutate(valid);
  }

  String valid(int i) {
    String type = r.nextInt(4) == 0 ? pick(TYPES) : "A";
    StringBuilder sb = new StringBuilder("{");
    if (r.nextBoolean()) {
      sb.append("\"id\":\"f-").append(i).append("\",");
    }
    sb.append("\"action\":\"")
        .append(r.nextInt(5) == 0 ? pick(ACTIONS) : r.nextBoolean() ? "additions" : "deletions")
        .append("\",");
    if (r.nextInt(4) == 0) {
      sb.append("\"timestamp\":\"2026-0")
          .append(1 + r.nextInt(9))
          .append("-1")
          .append(r.nextInt(9))
          .append("T10:00:00Z\",");
    }
    sb.append("\"resourceRecords\":");
    int sets = r.nextInt(4) == 0 ? 2 + r.nextInt(3) : 1;
    boolean array = sets > 1 || r.nextBoolean();
    sb.append(array ? "[" : "");
    for (int s = 0; s < sets; s++) {
      sb.append(s > 0 ? "," : "").append(recordSet(type, i, s));
    }
    return sb.append(array ? "]" : "").append("}").toString();
  }

  private String recordSet(String type, int i, int s) {
    StringBuilder sb =
        new StringBuilder("{\"name\":\"h")
            .append(i)
            .append('-')
            .append(s)
            .append(r.nextInt(8) == 0 ? ".other.org." : ".example.com.")
            .append("\",\"type\":\"")
            .append(type)
            .append('"');
    if (r.nextBoolean()) {
      sb.append(",\"ttl\":").append(r.nextInt(10) == 0 ? r.nextInt(200_000) - 10 : 300);
    }
    sb.append(",\"rrdatas\":[");
    int n = r.nextInt(4);
    for (int k = 0; k < n; k++) {
      sb.append(k > 0 ? "," : "").append('"').append(rdata(type, k)).append('"');
    }
    return sb.append("]}").toString();
  }

  private String rdata(String type, int k) {
    return switch (type) {
      case "AAAA" -> "2001:db8::" + Integer.toHexString(r.nextInt(65536));
      case "CNAME", "NS", "PTR" -> "t" + k + ".example.net.";
      case "TXT" -> "\\\"v=spf1 -all " + k + "\\\"";
      case "MX" -> r.nextInt(100) + " mx" + k + ".example.net.";
      case "SRV" -> "10 5 443 s" + k + ".example.net.";
      default -> "192.0." + r.nextInt(300) + "." + r.nextInt(256);
    };
  }

  /** One to three random mutations of {@code doc}. */
  String mutate(String doc) {
    String out = doc;
    for (int m = 1 + r.nextInt(3); m > 0; m--) {
      out = mutateOnce(out);
    }
    return out;
  }

  private String mutateOnce(String s) {
    int at = s.isEmpty() ? 0 : r.nextInt(s.length());
    return switch (r.nextInt(12)) {
      case 0 -> s.substring(0, at);
      case 1 -> s.substring(0, at) + pick(ODD) + s.substring(at);
      case 2 ->
          s.isEmpty()
              ? s
              : s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + r.nextInt(8)));
      case 3 ->
          s.replaceFirst(
              "\"(action|name|type|ttl|rrdatas|resourceRecords|id|timestamp)\"" + ":", "\"x$1\":");
      case 4 -> s.replaceFirst(":\"[^\"]*\"", ":" + value());
      case 5 -> s.replaceFirst(":\\[", ":" + value() + ",\"_\":[");
      case 6 -> "[" + s + "," + s + "]";
      case 7 -> "[".repeat(1 + r.nextInt(2000)) + "]".repeat(r.nextInt(2000));
      case 8 -> s.replaceFirst("\\{", "{\"action\":\"additions\",");
      case 9 ->
          s.replace(
              "example.com.",
              r.nextBoolean()
                  ? "a".repeat(64) + ".example.com."
                  : "x.".repeat(130) + "example.com.");
      case 10 -> s + "\n" + s;
      default -> randomBytes();
    };
  }

  private String value() {
    return switch (r.nextInt(8)) {
      case 0 -> "null";
      case 1 -> "123";
      case 2 -> "-1.5e300";
      case 3 -> "true";
      case 4 -> "{}";
      case 5 -> "[]";
      case 6 -> "[[[[]]]]";
      default -> "\"" + pick(ODD).replace("\"", "\\\"") + "\"";
    };
  }

  private String randomBytes() {
    char[] c = new char[r.nextInt(64)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) (r.nextInt(4) == 0 ? r.nextInt(0x3000) : 32 + r.nextInt(95));
    }
    return new String(c);
  }

  private String pick(List<String> from) {
    return from.get(r.nextInt(from.size()));
  }

  int nextInt(int bound) {
    return r.nextInt(bound);
  }
}
