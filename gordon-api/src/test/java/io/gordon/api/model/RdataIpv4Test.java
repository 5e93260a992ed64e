package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Rdata#ipv4}'s one-pass check against the {@code split} and {@code chars()} version it
 * replaced (copied below as the oracle): the same addresses accepted, the same message for the
 * rest, over generated near-addresses; except that the old code's {@link Character#isDigit} also
 * took other scripts' digits, which are refused now.
 */
class RdataIpv4Test {
  private static final String[] PARTS = {
    "0",
    "1",
    "9",
    "10",
    "99",
    "100",
    "199",
    "255",
    "256",
    "300",
    "999",
    "1000",
    "00",
    "01",
    "007",
    "",
    "-1",
    "+1",
    "1a",
    " 1",
    "\u0661\u0669\u0662",
    "\uff11",
    "\u0663",
    "2\u0665\u0665",
    "x"
  };

  @Test
  void everyNearAddressGetsTheOldResultOrTheOldMessage() {
    qt().withExamples(50_000)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              String t = nearAddress(new Random(seed));
              String expected =
                  t.chars().anyMatch(c -> c >= 0x80)
                      ? "IllegalArgumentException: " + notA(t)
                      : outcome(() -> oldIpv4(t));
              assertThat(outcome(() -> Rdata.ipv4(t))).as("ipv4(\"%s\")", t).isEqualTo(expected);
            });
  }

  @Test
  void theGeneratorReachesValidAndInvalidAddressesAndOtherScriptsDigits() {
    Random r = new Random(7);
    int valid = 0;
    int unicodeValid = 0;
    for (int i = 0; i < 20_000; i++) {
      String t = nearAddress(r);
      if (!outcome(() -> oldIpv4(t)).startsWith("IllegalArgumentException")) {
        valid++;
        unicodeValid += t.chars().anyMatch(c -> c >= 0x80) ? 1 : 0;
      }
    }
    assertThat(valid).isBetween(500, 19_000);
    assertThat(unicodeValid).isPositive();
  }

  @Test
  void aBadAddressIsRefusedWithTheMessageNamingIt() {
    assertThat(outcome(() -> Rdata.ipv4("192.0.2.256")))
        .isEqualTo(
            "IllegalArgumentException: A rdata \"192.0.2.256\" is not an IPv4 address (expected"
                + " four numbers 0-255, e.g. 192.0.2.1)");
    assertThat(Rdata.ipv4("192.0.2.1")).isEqualTo("192.0.2.1");
  }

  @Test
  void otherScriptsDigitsAreRefused() {
    assertThat(outcome(() -> Rdata.ipv4("\u0661\u0669\u0662.0.2.1")))
        .isEqualTo(
            "IllegalArgumentException: A rdata \"\u0661\u0669\u0662.0.2.1\" is not an IPv4"
                + " address (expected four numbers 0-255, e.g. 192.0.2.1)");
    assertThat(outcome(() -> Rdata.ipv4("192.0.2.\uff11"))).startsWith("IllegalArgumentException");
  }

  private static String nearAddress(Random r) {
    int parts = r.nextInt(8) == 0 ? r.nextInt(7) : 4;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        sb.append(r.nextInt(30) == 0 ? ".." : ".");
      }
      sb.append(r.nextInt(3) == 0 ? PARTS[r.nextInt(PARTS.length)] : r.nextInt(256));
    }
    if (r.nextInt(20) == 0) {
      sb.append('.');
    }
    return sb.toString();
  }

  private static String outcome(Supplier<String> call) {
    try {
      return "ok: " + call.get();
    } catch (IllegalArgumentException e) {
      return "IllegalArgumentException: " + e.getMessage();
    }
  }

  /** Rdata.ipv4 before the one-pass check. */
  private static String oldIpv4(String t) {
    String[] parts = t.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(notA(t));
    }
    for (String p : parts) {
      if (p.isEmpty()
          || p.length() > 3
          || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.charAt(0) == '0')
          || Integer.parseInt(p) > 255) {
        throw new IllegalArgumentException(notA(t));
      }
    }
    return t;
  }

  private static String notA(String t) {
    return "A rdata \""
        + t
        + "\" is not an IPv4 address (expected four numbers 0-255, e.g. 192.0.2.1)";
  }
}
