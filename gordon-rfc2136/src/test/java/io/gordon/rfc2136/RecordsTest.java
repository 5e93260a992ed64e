package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class RecordsTest {
  private static Record tokenized(String rdata) throws Exception {
    return Record.fromString(
        Name.fromString("t.example.test."), Type.TXT, DClass.IN, 300, rdata, Name.root);
  }

  private static Record built(String rdata) {
    return Records.toRecords("t.example.test.", RecordType.TXT, 300, List.of(rdata)).get(0);
  }

  @Test
  void theModelsWireSizeOfAnRrsetIsWhatDnsjavaWrites() {
    List<RecordSet> samples =
        List.of(
            RecordSet.of("x.example.test.", RecordType.A, 300, "192.0.2.1", "192.0.2.2"),
            RecordSet.of("x.example.test.", RecordType.AAAA, 300, "::ffff:1.2.3.4"),
            RecordSet.of("x.example.test.", RecordType.CNAME, 300, "www.example.test."),
            RecordSet.of("x.example.test.", RecordType.MX, 300, "0 .", "65535 mx.example.test."),
            RecordSet.of("x.example.test.", RecordType.SRV, 300, "1 2 443 sip.example.test."),
            RecordSet.of(
                "x.example.test.", RecordType.TXT, 300, "\"a\\\"b\" \"caf\\195\\169\" \"\""),
            RecordSet.of("x.example.test.", RecordType.TXT, 300, "y".repeat(600)),
            RecordSet.of("x.example.test.", RecordType.CAA, 300, "128 issuewild \";\""));
    for (RecordSet rrset : samples) {
      int written =
          Records.toRecords(rrset, 300).stream()
              .mapToInt(r -> 12 + r.rdataToWireCanonical().length)
              .sum();
      assertThat(rrset.wireOctets()).as(rrset.toString()).isEqualTo(written);
    }
  }

  @Test
  void anOwnerMarkerIsBuiltWithoutTheTokenizerAndEqualsTheTokenizedRecord() throws Exception {
    String marker = new OwnerMarker("gordon", "www.example.test.", RecordType.A).rdata();
    assertThat(Records.plainString(marker)).hasValue(marker.substring(1, marker.length() - 1));
    assertThat(built(marker)).isEqualTo(tokenized(marker));
    assertThat(built(marker).rdataToString()).isEqualTo(tokenized(marker).rdataToString());
  }

  @Test
  void txtWithSeveralStringsEscapesOrQuotesGoesThroughTheTokenizer() throws Exception {
    for (String rdata : List.of("\"a\" \"b\"", "\"a\\\"b\"", "\"a\\\\b\"", "\"\\010\"", "\"\"")) {
      assertThat(built(rdata)).as(rdata).isEqualTo(tokenized(rdata));
      assertThat(((TXTRecord) built(rdata)).getStrings())
          .as(rdata)
          .isEqualTo(((TXTRecord) tokenized(rdata)).getStrings());
    }
    assertThat(Records.plainString("\"a\" \"b\"")).isEmpty();
    assertThat(Records.plainString("\"a\\\"b\"")).isEmpty();
    assertThat(Records.plainString("\"é\"")).isEmpty();
    assertThat(Records.plainString("\"" + "x".repeat(256) + "\"")).isEmpty();
  }
}
