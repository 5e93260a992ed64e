package io.gordon.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryListTest {
  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  private static HistoryEntry entry(String text) {
    return new HistoryEntry(T, "", text);
  }

  @Test
  void appendingTwiceToOneHistoryGivesTwoIndependentHistories() {
    List<HistoryEntry> base = HistoryList.append(List.of(entry("a")), entry("b"));
    List<HistoryEntry> left = HistoryList.append(base, entry("left"));
    List<HistoryEntry> right = HistoryList.append(base, entry("right"));
    List<HistoryEntry> leftMore = HistoryList.append(left, entry("left2"));

    assertThat(base).containsExactly(entry("a"), entry("b"));
    assertThat(left).containsExactly(entry("a"), entry("b"), entry("left"));
    assertThat(right).containsExactly(entry("a"), entry("b"), entry("right"));
    assertThat(leftMore).containsExactly(entry("a"), entry("b"), entry("left"), entry("left2"));
  }

  @Test
  void growsPastItsArray() {
    List<HistoryEntry> h = List.of();
    List<HistoryEntry> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      h = HistoryList.append(h, entry("e" + i));
      expected.add(entry("e" + i));
    }
    assertThat(h).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(h.toString()).isEqualTo(expected.toString());
  }

  @Test
  void isImmutable() {
    List<HistoryEntry> h = HistoryList.append(List.of(), entry("a"));
    assertThatThrownBy(() -> h.add(entry("b"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.set(0, entry("b")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.get(1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 1 out of bounds for length 1");
  }

  @Test
  void copiesForeignListsAndRejectsNullEntries() {
    List<HistoryEntry> source = new ArrayList<>(List.of(entry("a")));
    List<HistoryEntry> copy = HistoryList.of(source);
    source.add(entry("b"));
    assertThat(copy).containsExactly(entry("a"));
    assertThatThrownBy(() -> HistoryList.of(Arrays.asList(entry("a"), null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void messageCopiesShareTheHistoryWithoutChangingEarlierMessages() {
    DnsEvent e =
        DnsEvent.of(
            Action.ADDITIONS, T, List.of(RecordSet.of("a.example.", RecordType.A, 60, "10.0.0.1")));
    EventMessage m = EventMessage.create("1", e, "consume", T, Map.of());
    EventMessage published = m.withPhase(T, "publish");
    EventMessage first = published.withHistory(T, "p", "first");
    EventMessage second = published.withHistory(T, "p", "second");

    assertThat(m.history()).isEmpty();
    assertThat(published.history())
        .containsExactly(new HistoryEntry(T, "", "Updated phase from consume to publish"));
    assertThat(first.history()).last().isEqualTo(new HistoryEntry(T, "p", "first"));
    assertThat(second.history()).last().isEqualTo(new HistoryEntry(T, "p", "second"));
    assertThat(second.history()).hasSize(2);
  }
}
