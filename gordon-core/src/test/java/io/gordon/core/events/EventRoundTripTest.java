package io.gordon.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.DnsEvent;
import org.junit.jupiter.api.Test;

class EventRoundTripTest {
  @Test
  void everyGeneratedEventDecodesBackFromItsEncoding() {
    EventGenerator gen = new EventGenerator(20260101L);
    for (int i = 0; i < 2000; i++) {
      DnsEvent e = gen.event();
      String line = JsonEventCodecTest.CODEC.encode(e);
      assertThat(line).doesNotContain("\n");
      assertThat(JsonEventCodecTest.CODEC.decode(line)).as(line).isEqualTo(e);
    }
  }
}
