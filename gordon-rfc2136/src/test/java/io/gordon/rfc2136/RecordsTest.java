package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.OwnerMarker;
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
