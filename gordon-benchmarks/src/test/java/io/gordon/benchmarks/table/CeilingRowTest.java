package io.gordon.benchmarks.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CeilingRowTest {
  private static final String OUT =
      """
      (c) free client, claimed (default)             1      29438          32.0
      rfc2136 ceiling: claimed 29,438 records/s at 1 in flight, ownership off 48,108 records/s\
       at 2 in flight, plain 62,062 records/s at 1 in flight, nsupdate 38,984 records/s\
       (medians of 3 rounds), load 6.3
      """;

  @Test
  void eachShapesRateAndMessagesInFlightAreReadFromTheResultLine() {
    assertThat(CeilingRow.figure(OUT, "claimed ")).isEqualTo(new CeilingRow.Figure(29_438, 1));
    assertThat(CeilingRow.figure(OUT, "ownership off "))
        .isEqualTo(new CeilingRow.Figure(48_108, 2));
    assertThat(CeilingRow.figure(OUT, "plain ")).isEqualTo(new CeilingRow.Figure(62_062, 1));
  }

  @Test
  void theAnchorIsNsupdatesRateInTheSameLine() {
    assertThat(Captured.number(Captured.after(OUT, "rfc2136 ceiling: ", "nsupdate ")))
        .isEqualTo(38_984);
  }

  @Test
  void aResultLineWithoutTheShapeIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> CeilingRow.figure("rfc2136 ceiling: failed\n", "claimed "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no \"claimed N records/s at N in flight\" in: rfc2136 ceiling: failed");
  }

  @Test
  void withoutAResultLineTheErrorShowsTheOutput() {
    assertThatThrownBy(() -> CeilingRow.figure("nsupdate exited with 1\n", "claimed "))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no line starting with \"rfc2136 ceiling: \" in the benchmark's output:\n"
                + "nsupdate exited with 1\n");
  }

  @Test
  void aLineWithoutGoalSaysWhatItIsForAndHasNoStatus() {
    Line l =
        new Line("p", 29_438, 38_984, "nsupdate", "records/s", Goal.none("what BIND allows"), "1");

    assertThat(l.format())
        .isEqualTo(
            "| p | 29,438 records/s | 38,984 records/s (nsupdate) | 0.76 | - (what BIND allows)"
                + " | - | 1 |");
  }
}
