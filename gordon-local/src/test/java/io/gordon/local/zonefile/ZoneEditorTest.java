package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneEditorTest {
  @Test
  void rdataListsAreTheSameRecordsWhateverTheirOrderOrRepeats() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add("10.0.0." + i);
    }
    List<String> reversed = new ArrayList<>(many);
    Collections.reverse(reversed);

    assertThat(ZoneEditor.sameRecords(List.of("a", "b"), List.of("b", "a"))).isTrue();
    assertThat(ZoneEditor.sameRecords(List.of("a", "b"), List.of("a", "b", "a"))).isTrue();
    assertThat(ZoneEditor.sameRecords(List.of("a", "b"), List.of("a"))).isFalse();
    assertThat(ZoneEditor.sameRecords(List.of("a"), List.of("a", "c"))).isFalse();
    assertThat(ZoneEditor.sameRecords(List.of(), List.of())).isTrue();
    assertThat(ZoneEditor.sameRecords(many, reversed)).isTrue();
    assertThat(ZoneEditor.sameRecords(many, reversed.subList(1, 20))).isFalse();
  }
}
