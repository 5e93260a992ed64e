package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCommitterTest {
  @TempDir Path dir;

  @Test
  void settlementsAreAppendedAfterTheFirstSnapshotAndARestartSkipsExactlyThem() throws Exception {
    Path sidecar = dir.resolve("a.jsonl.progress");
    ProgressCommitter committer = new ProgressCommitter(System.getLogger("test"));
    SpoolCursor c = new SpoolCursor(dir.resolve("a.jsonl"), sidecar, Progress.START);
    for (long line = 1; line <= 4; line++) {
      assertThat(c.consumed(line, line * 10)).isTrue();
    }
    c.settle(2);
    committer.changed(c);
    committer.flush();
    assertThat(Files.readString(sidecar)).isEqualTo("offset=0 line=0 settled=2,\n");
    c.settle(1);
    c.settle(4);
    committer.changed(c);
    committer.flush();
    assertThat(Files.readString(sidecar)).isEqualTo("offset=0 line=0 settled=2,\n1\n4\n");
    assertThat(Progress.read(sidecar)).isEqualTo(new Progress(0, 0, Set.of(1L, 2L, 4L)));

    SpoolCursor again = new SpoolCursor(c.file, sidecar, Progress.read(sidecar));
    assertThat(again.consumed(1, 10)).isFalse();
    assertThat(again.consumed(2, 20)).isFalse();
    assertThat(again.consumed(3, 30)).isTrue();
    assertThat(again.consumed(4, 40)).isFalse();
    committer.retire(c, () -> {});
  }

  @Test
  void aRetiredCursorsProgressIsNeverWrittenAgain() throws Exception {
    Path sidecar = dir.resolve("a.jsonl.progress");
    ProgressCommitter committer = new ProgressCommitter(System.getLogger("test"));
    SpoolCursor c = new SpoolCursor(dir.resolve("a.jsonl"), sidecar, Progress.START);
    c.consumed(1, 10);
    c.settle(1);
    committer.changed(c);
    committer.retire(c, () -> {});
    committer.flush();
    assertThat(sidecar).doesNotExist();
  }
}
