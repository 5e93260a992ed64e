package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordSetTest {

  @Test
  void nameIsMadeAbsoluteAndLowerCase() {
    RecordSet r = RecordSet.of("WWW.Example.COM", RecordType.A, 300, "192.0.2.1");
    assertThat(r.name()).isEqualTo("www.example.com.");
  }

  @Test
  void duplicateRdataAreRemovedKeepingTheFirst() {
    RecordSet r =
        RecordSet.of(
            "a.example.com.", RecordType.AAAA, 60, "2001:DB8::1", "2001:db8:0:0:0:0:0:1", "::1");
    assertThat(r.rdata()).containsExactly("2001:db8::1", "::1");
  }

  @Test
  void negativeTtlIsRefusedWithTheRange() {
    assertThatThrownBy(
            () ->
                new RecordSet(
                    "a.example.com.", RecordType.A, OptionalInt.of(-5), List.of("192.0.2.1")))
        .hasMessage("ttl must be 0..2147483647 but was -5");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A|192.0.2.1|192.0.2.1",
        "AAAA|2001:0db8:0000:0000:0000:ff00:0042:8329|2001:db8::ff00:42:8329",
        "AAAA|::ffff:192.0.2.1|::ffff:c000:201",
        "AAAA|1:0:0:1:0:0:0:1|1:0:0:1::1",
        "CNAME|Target.Example.com|target.example.com.",
        "MX|10 mail.example.com|10 mail.example.com.",
        "SRV|10 5 443 web.example.com.|10 5 443 web.example.com.",
        "TXT|v=spf1 include:x ~all|\"v=spf1 include:x ~all\"",
        "TXT|\"a b\" \"c\\\"d\"|\"a b\" \"c\\\"d\"",
        "CAA|0 issue \"letsencrypt.org\"|0 issue \"letsencrypt.org\"",
        "PTR|host.example.com.|host.example.com."
      })
  void rdataIsNormalisedPerType(String type, String in, String out) {
    assertThat(Rdata.normalize(RecordType.parse(type), in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A|10.0.0.256|A rdata \"10.0.0.256\" is not an IPv4 address (expected four numbers 0-255, e.g. 192.0.2.1)",
        "A|2001:db8::1|A rdata \"2001:db8::1\" is not an IPv4 address (expected four numbers 0-255, e.g. 192.0.2.1)",
        "AAAA|2001:db8:::1|AAAA rdata \"2001:db8:::1\" is not an IPv6 address (expected e.g. 2001:db8::1)",
        "MX|mail.example.com.|MX rdata \"mail.example.com.\" must be a preference and a host (e.g. \"10 mail.example.com.\")",
        "MX|70000 mail.example.com.|MX rdata \"70000 mail.example.com.\" has preference \"70000\" (expected a number 0-65535)",
        "CNAME|bad name.example.|CNAME rdata \"bad name.example.\" is not a host name: name \"bad name.example.\" has the character ' ' in label \"bad name\" (expected letters, digits, '-' or '_')",
        "TXT|\"unclosed|TXT rdata \"\"unclosed\" has an unclosed quote"
      })
  void invalidRdataIsRefusedWithFieldAndRule(String type, String in, String message) {
    assertThatThrownBy(() -> Rdata.normalize(RecordType.parse(type), in)).hasMessage(message);
  }

  @Test
  void longUnquotedTxtIsSplitIntoStringsOf255Octets() {
    String value = "x".repeat(300);
    assertThat(Rdata.normalize(RecordType.TXT, value))
        .isEqualTo("\"" + "x".repeat(255) + "\" \"" + "x".repeat(45) + "\"");
  }

  @Test
  void nameLongerThan253CharactersIsRefused() {
    String name = ("a".repeat(60) + ".").repeat(5);
    assertThatThrownBy(() -> DnsNames.normalize(name))
        .hasMessage("name \"" + name + "\" is 304 characters long (expected at most 253)");
  }

  @Test
  void unsupportedTypeListsTheAllowedOnes() {
    assertThatThrownBy(() -> RecordType.parse("SOA"))
        .hasMessage(
            "unsupported record type \"SOA\" (expected one of A, AAAA, CNAME, MX, NS, PTR, SRV, TXT, CAA)");
  }

  @Test
  void replacementWithoutRdataIsRefused() {
    RecordSet empty = RecordSet.of("a.example.com.", RecordType.A, List.of());
    assertThatThrownBy(() -> new Change.Replace(empty))
        .hasMessage(
            "replacement of a.example.com./A has no rdata (expected at least one; use a deletion to remove the RRset)");
  }
}
