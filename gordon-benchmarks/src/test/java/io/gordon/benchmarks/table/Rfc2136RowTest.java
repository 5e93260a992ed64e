package io.gordon.benchmarks.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Rfc2136RowTest {
  private static final String OUT =
      """
      warm-up done
      rfc2136 end to end: gordon 10,863 events/s, nsupdate 32,386 records/s, ratio 0.34, \
      nsupdate same shape 9,012 records/s, same-shape ratio 1.21, load 4.1
      """;

  @Test
  void theFiguresAreReadFromTheBenchmarksResultLine() {
    assertThat(Captured.number(Rfc2136Row.figure(OUT, "gordon "))).isEqualTo(10_863);
    assertThat(Captured.number(Rfc2136Row.figure(OUT, "nsupdate "))).isEqualTo(32_386);
    assertThat(Captured.number(Rfc2136Row.figure(OUT, "nsupdate same shape "))).isEqualTo(9_012);
  }

  @Test
  void aResultLineWithoutTheFigureIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> Rfc2136Row.figure("rfc2136 end to end: failed\n", "gordon "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no \"gordon \" in: rfc2136 end to end: failed");
  }
}
