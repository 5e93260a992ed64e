package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
  @Test
  void everyIdInUseIsDistinctUntilAllAreTakenAndAReleasedOneCanBeTakenAgain() {
    MessageIds ids = new MessageIds();
    Set<Integer> taken = new HashSet<>();
    for (int i = 0; i < 65536; i++) {
      assertThat(taken.add(ids.take())).as("id %d distinct", i).isTrue();
    }
    assertThat(taken).allMatch(id -> id >= 0 && id <= 0xFFFF);
    assertThatThrownBy(ids::take)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("all 65536 message ids are in use");
    ids.release(4242);
    assertThat(ids.take()).isEqualTo(4242);
  }
}
