package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolWriterTest {
  @TempDir Path dir;

  @Test
  void concurrentAppendsAllLandWholeAndSegmentsRotateInNameOrder() throws Exception {
    try (SpoolWriter w = new SpoolWriter(dir, "http", 4096, Clock.systemUTC())) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        threads.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      for (int n = 0; n < 100; n++) {
                        try {
                          w.append(List.of("{\"t\":" + id + ",\"n\":" + n + "}"));
                        } catch (java.io.IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      }
                    }));
      }
      for (Thread th : threads) {
        th.join();
      }
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segments = files.sorted().toList();
      assertThat(segments.size()).isGreaterThan(1);
      for (Path p : segments) {
        assertThat(p.getFileName().toString()).matches("http-\\d{13}-\\d{4}\\.jsonl");
        lines.addAll(Files.readAllLines(p));
      }
    }
    assertThat(lines).hasSize(800).allMatch(l -> l.matches("\\{\"t\":\\d,\"n\":\\d+}"));
    for (int t = 0; t < 8; t++) {
      String prefix = "{\"t\":" + t + ",";
      assertThat(lines.stream().filter(l -> l.startsWith(prefix)).toList())
          .isSortedAccordingTo(
              java.util.Comparator.comparingInt(
                  (String l) -> Integer.parseInt(l.replaceAll("\\D+", " ").trim().split(" ")[1])));
    }
  }
}
