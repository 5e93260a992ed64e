package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An RRset must fit in one DNS message: BIND refuses to load a zone file holding a larger one ("ran
 * out of space", the whole zone then unserved) and no UPDATE can carry it.
 */
class RecordSetWireSizeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A|192.0.2.1|16",
        "AAAA|::|28",
        "CNAME|www.example.com.|29",
        "NS|.|13",
        "MX|10 .|15",
        "MX|65535 mail.example.com.|32",
        "SRV|0 0 0 .|19",
        "SRV|1 2 443 sip.example.com.|35",
        "TXT|\"\"|13",
        "TXT|\"a\\\"b\" \"\\195\\169\" \"\\\\\"|21",
        "CAA|0 issue \"letsencrypt.org\"|34"
      })
  void eachRecordCountsTwelveOctetsAndItsRdataInWireForm(String type, String rdata, int octets) {
    RecordSet r = RecordSet.of("x.example.com.", RecordType.parse(type), 300, rdata);
    assertThat(r.wireOctets()).isEqualTo(octets);
  }

  @Test
  void aRecordSetOfExactlyTheLimitIsAccepted() {
    RecordSet r = txtSet(7);
    assertThat(r.wireOctets()).isEqualTo(RecordSet.MAX_WIRE_OCTETS);
    assertThat(r.checkWireSize()).isSameAs(r);
  }

  @Test
  void aRecordSetOneOctetOverTheLimitIsRefusedNamingItsSize() {
    assertThatThrownBy(() -> txtSet(8).checkWireSize())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "record set big.example.com./TXT takes 63001 octets on the wire in 236 records"
                + " (expected at most 63000: a DNS message holds 65535 octets, and servers send"
                + " an RRset whole in one)");
  }

  @Test
  void anAdditionOfARecordSetTooLargeForOneMessageIsRefused() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      values.add(i + "w".repeat(7990));
    }
    RecordSet big = RecordSet.of("big.example.com.", RecordType.TXT, values);
    assertThat(big.wireOctets()).isEqualTo(80350);
    assertThatThrownBy(() -> DnsEvent.of(Action.ADDITIONS, Instant.EPOCH, List.of(big)))
        .hasMessageStartingWith("record set big.example.com./TXT takes 80350 octets");
    assertThat(DnsEvent.of(Action.DELETIONS, Instant.EPOCH, List.of(big)).records())
        .as("a deletion may name a set written before the rule")
        .containsExactly(big);
  }

  @Test
  void escapedNonAsciiTextIsCountedByItsOctetsNotItsPresentationLength() {
    // 60 records of 250 two-octet characters: 4 times as long in presentation form (\195\169)
    // as on the wire, so the quick bound is over the limit and the exact count is not
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      values.add("\"" + String.format("%03d", i) + "é".repeat(126) + "\"");
    }
    RecordSet r = RecordSet.of("utf8.example.com.", RecordType.TXT, values);
    assertThat(r.wireOctets()).isEqualTo(120 * (12 + 1 + 3 + 252));
    assertThat(r.checkWireSize()).isSameAs(r);
  }

  /** 235 records of one 255-octet string (268 octets each: 62,980) and one of {@code last}. */
  private static RecordSet txtSet(int last) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 235; i++) {
      values.add("\"" + String.format("%03d", i) + "x".repeat(252) + "\"");
    }
    values.add("\"" + "y".repeat(last) + "\"");
    return RecordSet.of("big.example.com.", RecordType.TXT, values);
  }
}
