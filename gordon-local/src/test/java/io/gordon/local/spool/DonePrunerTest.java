package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DonePrunerTest {
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  @TempDir Path done;

  Path file(String name, Duration age) throws Exception {
    Path p = Files.writeString(done.resolve(name), "{}\n");
    Files.setLastModifiedTime(p, FileTime.from(NOW.minus(age)));
    return p;
  }

  @Test
  void filesOlderThanTheRetentionAreDeletedOthersStay() throws Exception {
    Path old = file("http-1.jsonl", Duration.ofDays(8));
    Path young = file("http-2.jsonl", Duration.ofDays(6));
    DonePruner pruner =
        new DonePruner(
            done, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC), System.getLogger("test"));

    assertThat(pruner.maybePrune()).isEqualTo(1);
    assertThat(old).doesNotExist();
    assertThat(young).exists();
    file("http-3.jsonl", Duration.ofDays(9));
    assertThat(pruner.maybePrune()).as("at most once a minute").isZero();
  }

  @Test
  void zeroRetentionKeepsEverything() throws Exception {
    Path old = file("http-1.jsonl", Duration.ofDays(800));
    assertThat(
            new DonePruner(
                    done, Duration.ZERO, Clock.fixed(NOW, ZoneOffset.UTC), System.getLogger("test"))
                .maybePrune())
        .isZero();
    assertThat(old).exists();
  }
}
