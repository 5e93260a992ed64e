package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
  @TempDir Path dir;

  @Test
  void appendedLineNumbersAfterTheSnapshotCountAsSettled() throws Exception {
    Path log = dir.resolve("a.jsonl.progress");
    Files.writeString(log, "offset=10 line=2 settled=5,\n4\n7\n2\n");
    assertThat(Progress.read(log)).isEqualTo(new Progress(10, 2, Set.of(4L, 5L, 7L)));
  }

  @Test
  void aTornLastAppendIsIgnoredSoNothingIsSkipped() throws Exception {
    Path log = dir.resolve("a.jsonl.progress");
    Files.writeString(log, "offset=10 line=2 settled=\n4\n1x\n\u0000\u0000\n12");
    assertThat(Progress.read(log)).isEqualTo(new Progress(10, 2, Set.of(4L)));
  }

  /** Acceptance pass 7: 40,000 events settled out of order during a BIND outage. */
  @Test
  void aSnapshotWithTensOfThousandsOfSettledLinesIsRead() throws Exception {
    StringBuilder text = new StringBuilder("offset=10 line=2 settled=");
    Set<Long> settled = new java.util.TreeSet<>();
    for (long n = 4; n < 40_004; n++) {
      text.append(n).append(',');
      settled.add(n);
    }
    Path log = Files.writeString(dir.resolve("a.jsonl.progress"), text + "\n");
    assertThat(Progress.read(log)).isEqualTo(new Progress(10, 2, settled));
  }

  @Test
  void aMissingLogIsTheStart() throws Exception {
    assertThat(Progress.read(dir.resolve("none.progress"))).isEqualTo(Progress.START);
  }

  @Test
  void writeLeavesOnlyTheSnapshotLine() throws Exception {
    Path log = dir.resolve("a.jsonl.progress");
    Files.writeString(log, "offset=0 line=0 settled=\n1\n");
    new Progress(10, 2, Set.of(7L, 5L)).write(log);
    assertThat(Files.readString(log)).isEqualTo("offset=10 line=2 settled=5,7,\n");
  }

  /**
   * A damaged snapshot line (a disk fault, a hand edit) used to escape as a bare
   * NumberFormatException that named no file and stopped the whole source, restarted in a loop
   * (acceptance pass); it is an IOException naming the sidecar and the way out, and the reader then
   * leaves only this spool file waiting.
   */
  @Test
  void aDamagedSnapshotIsAnIoErrorNamingTheSidecarAndTheWayOut() throws Exception {
    Path log = dir.resolve("a.jsonl.progress");
    Files.writeString(log, "offset=banana line=-3 settled=\u0000\n");
    assertThatThrownBy(() -> Progress.read(log))
        .isInstanceOf(IOException.class)
        .hasMessage(
            log
                + ": unreadable progress field \"offset=banana\" (expected offset=N line=N"
                + " settled=N,N,... with numbers of 0 or more); move it away to read its spool file"
                + " again from the first line (its events are then submitted again, in order)");
  }

  @Test
  void aNegativeNumberIsDamageToo() throws Exception {
    Path log = dir.resolve("a.jsonl.progress");
    Files.writeString(log, "offset=0 line=-3 settled=\n");
    assertThatThrownBy(() -> Progress.read(log))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(log + ": unreadable progress field \"line=-3\"");
  }
}
