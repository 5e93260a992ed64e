package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTest {
  @TempDir Path dir;

  @Test
  void eachLineHasTheTimeOfTheAppendThatWroteIt() throws IOException {
    Path side = side("1 3 1000\n4 2 2000\n");
    Receipts r = new Receipts(side);
    List<Optional<Instant>> got = new ArrayList<>();
    for (long line = 1; line <= 6; line++) {
      got.add(r.received(line));
    }
    assertThat(got)
        .containsExactly(
            at(1000), at(1000), at(1000), at(2000), at(2000), Optional.<Instant>empty());
  }

  @Test
  void entriesAppendedLaterAreFoundAndALineWithoutOneHasNoTime() throws IOException {
    Path side = side("1 2 1000\n");
    Receipts r = new Receipts(side);
    assertThat(r.received(1)).isEqualTo(at(1000));
    assertThat(r.received(2)).isEqualTo(at(1000));
    Files.writeString(side, "5 2 3000\n", StandardOpenOption.APPEND);
    assertThat(r.received(3)).isEmpty();
    assertThat(r.received(5)).isEqualTo(at(3000));
    assertThat(r.received(6)).isEqualTo(at(3000));
    assertThat(r.received(7)).isEmpty();
  }

  @Test
  void anEntryReplacedBeforeItsLinesAreReadGivesTheNewTime() throws IOException {
    // an append taken back (failed fsync) leaves its entry; the next append has the same first
    // line and replaces it before any of those lines was durable, hence read
    Path side = side("1 1 1000\n2 5 2000\n2 3 4000\n");
    Receipts r = new Receipts(side);
    assertThat(r.received(1)).isEqualTo(at(1000));
    assertThat(r.received(2)).isEqualTo(at(4000));
    assertThat(r.received(4)).isEqualTo(at(4000));
    assertThat(r.received(5)).isEmpty();
  }

  private Path side(String text) throws IOException {
    Path side = Receipts.sideFile(dir.resolve("s.jsonl"));
    Files.createDirectories(side.getParent());
    Files.writeString(side, text);
    return side;
  }

  private static Optional<Instant> at(long millis) {
    return Optional.of(Instant.ofEpochMilli(millis));
  }
}
