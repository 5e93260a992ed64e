package io.gordon.benchmarks.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.testing.dns.BindServer;
import io.gordon.testing.dns.TsigKey;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The ceiling's messages and client against real BIND: what is replayed is what gordon sends. */
class CeilingIT {
  private static final int NAMES = 700;
  private static Prerendered claimed;

  @BeforeAll
  static void recordTheProvidersMessages() throws Exception {
    claimed = Ceiling.recorded(NAMES, "it", true);
  }

  @Test
  void theProvidersClaimedMessagesHoldThreeAbsencePrerequisitesARecordAndAMarkerPerName()
      throws IOException {
    int prerequisites = 0;
    int records = 0;
    int markers = 0;
    for (byte[] wire : claimed.wires()) {
      Message m = new Message(wire);
      assertThat(m.getTSIG()).isNull();
      for (Record r : m.getSection(Section.PREREQ)) {
        assertThat(r.getDClass()).as("nxrrset: class NONE").isEqualTo(DClass.NONE);
        prerequisites++;
      }
      for (Record r : m.getSection(Section.UPDATE)) {
        records++;
        if (r.getType() == Type.TXT && r.getName().toString().startsWith("_gordon-a-it")) {
          markers++;
        }
      }
    }
    assertThat(claimed.wires()).hasSizeGreaterThan(1);
    assertThat(prerequisites).isEqualTo(3 * NAMES);
    assertThat(records).isEqualTo(2 * NAMES);
    assertThat(markers).isEqualTo(NAMES);
  }

  @Test
  void replayedWithSeveralInFlightToAFreshBindTheyCreateEveryName() throws Exception {
    try (BindServer bind = Rfc2136Benchmark.bind()) {
      List<byte[]> framed = claimed.signed(bind.key());

      PipelinedSender.send(bind.address(), framed, 1, 4);

      Rfc2136Benchmark.confirm(bind, "it", NAMES);
    }
  }

  @Test
  void anAnswerOtherThanNoerrorFailsTheRunNamingItsRcode() throws Exception {
    try (BindServer bind = Rfc2136Benchmark.bind()) {
      PipelinedSender.send(bind.address(), claimed.signed(bind.key()), 1, 1);

      // the names exist now: the first message's nxrrset prerequisites fail
      assertThatThrownBy(
              () -> PipelinedSender.send(bind.address(), claimed.signed(bind.key()), 1, 1))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "sending the prerendered UPDATEs failed: java.io.IOException:"
                  + " UPDATE id 0 answered rcode 7 (YXRRSET)");
    }
  }

  @Test
  void messagesSignedWithAnotherSecretAreRefused() throws Exception {
    try (BindServer bind = Rfc2136Benchmark.bind()) {
      TsigKey other = TsigKey.generate(bind.key().name());

      assertThatThrownBy(() -> PipelinedSender.send(bind.address(), claimed.signed(other), 1, 1))
          .isInstanceOf(IOException.class)
          .hasMessage(
              "sending the prerendered UPDATEs failed: java.io.IOException:"
                  + " UPDATE id 0 answered rcode 9 (NOTAUTH)");
    }
  }

  @Test
  void plainAddsAreNsupdatesAdditionsAndNothingElse() throws IOException {
    Prerendered plain = Prerendered.plainAdds("pl", 1_200, 500, Rfc2136Benchmark.ZONE);

    assertThat(plain.wires()).hasSize(3);
    Message first = new Message(plain.wires().get(0));
    assertThat(first.getSection(Section.PREREQ)).isEmpty();
    assertThat(first.getSection(Section.UPDATE))
        .hasSize(500)
        .allSatisfy(r -> assertThat(r.getType()).isEqualTo(Type.A));
  }
}
