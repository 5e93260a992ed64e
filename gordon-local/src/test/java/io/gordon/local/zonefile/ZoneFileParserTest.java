package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line of a hand-edited zone file whose type is not a DNS type is refused with its line number,
 * instead of being kept as an "unmanaged" record and written back into a file that BIND and Knot
 * then refuse to load (found in the acceptance pass: {@code bad 99x IN A 1.2.3.4} was rewritten as
 * {@code bad.example.com. 300 IN 99X IN A 1.2.3.4}, and named-checkzone said "unknown RR type").
 */
class ZoneFileParserTest {
  static final String HEAD =
      "$ORIGIN example.com.\n"
          + "@ 3600 IN SOA ns1 hostmaster 1 3600 600 604800 300\n"
          + "@ 3600 IN NS ns1\n"
          + "ns1 300 IN A 127.0.0.1\n";

  @Test
  void aMistypedTtlIsRefusedNamingItsLineInsteadOfBecomingARecordType() {
    assertThatThrownBy(
            () -> ZoneFileParser.parse(HEAD + "bad 99x IN A 192.0.2.1\n", "example.com.", 300))
        .isInstanceOf(ZoneFileException.class)
        .hasMessage(
            "line 5: \"99x\" is not a record type (expected a type such as A, AAAA, MX,"
                + " SSHFP, or TYPE<number> for a type without a name)");
  }

  @Test
  void aTtlAboveTheLargestIsRefusedNamingItsLineInsteadOfWrappingAround() {
    // 4294967596 is 2^32 + 300: read into an int it became a TTL of 300
    assertThatThrownBy(
            () ->
                ZoneFileParser.parse(HEAD + "big 4294967596 IN A 192.0.2.1\n", "example.com.", 300))
        .isInstanceOf(ZoneFileException.class)
        .hasMessage(
            "line 5: \"4294967596\" is more than 2147483647 seconds (the largest TTL, RFC 2181)");
    assertThatThrownBy(
            () ->
                ZoneFileParser.parse(
                    HEAD + "big 99999999999999999999999 IN A 192.0.2.1\n", "example.com.", 300))
        .isInstanceOf(ZoneFileException.class)
        .hasMessage(
            "line 5: \"99999999999999999999999\" is more than 2147483647 seconds (the largest"
                + " TTL, RFC 2181)");
  }

  @Test
  void aTtlOfTensOfThousandsOfUnitsIsReadWithoutRecursion() {
    // a regular expression with a repeated group recursed once per unit: a StackOverflowError
    String units = "0s".repeat(30_000);
    assertThat(ZoneFileParser.ttl(units + "1h30m")).isEqualTo(5400);
    assertThatThrownBy(() -> ZoneFileParser.ttl(units + "x"))
        .hasMessageEndingWith("is not a TTL (expected seconds, or units such as 1h30m)");
  }

  @Test
  void aTtlWithUnitsAddsThemUp() {
    assertThat(ZoneFileParser.ttl("1w2d3h4m5s")).isEqualTo(604800 + 2 * 86400 + 3 * 3600 + 245);
    assertThat(ZoneFileParser.ttl("2147483647")).isEqualTo(2147483647L);
    assertThat(ZoneFileParser.ttl("1H30M")).isEqualTo(5400);
  }

  @Test
  void aLineOfProseIsRefusedNamingItsLine() {
    assertThatThrownBy(
            () -> ZoneFileParser.parse(HEAD + "bad line here IN A\n", "example.com.", 300))
        .isInstanceOf(ZoneFileException.class)
        .hasMessageStartingWith("line 5: \"line\" is not a record type");
  }

  @Test
  void realTypesGordonDoesNotManageAndGenericTypesAreKept() {
    ZoneData data =
        ZoneFileParser.parse(
            HEAD
                + "key 300 IN SSHFP 1 1 123456789abcdef67890123456789abcdef67890\n"
                + "host IN 300 hinfo PC Linux\n"
                + "x 300 IN TYPE65534 \\# 1 00\n",
            "example.com.",
            300);
    assertThat(data.raw().stream().flatMap(List::stream))
        .extracting(RawRecord::type)
        .containsExactlyInAnyOrder("SSHFP", "HINFO", "TYPE65534");
  }
}
