package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (ENOSPC on a real 64 KiB tmpfs, mounted by the test) fails the journal append as a
 * retriable provider failure naming the file and the system's reason, reports not-ready, keeps the
 * old file whole, and the same change applies once space is back; a disk with room for the
 * journal's append but not for the zone file's rewrite acknowledges the batch and writes the file
 * once space is back. Needs root for mount; fails (never skips) without it.
 */
class ZoneFileDiskFullIT {
  @TempDir static Path root;
  static Path mount;

  @BeforeAll
  static void mountTmpfs() throws Exception {
    mount = root.resolve("small");
    Files.createDirectories(mount);
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(
          "mount -t tmpfs failed ("
              + out.strip()
              + "): this test mounts a small tmpfs to"
              + " produce ENOSPC and must run as root");
    }
  }

  @AfterAll
  static void unmount() throws Exception {
    new ProcessBuilder("umount", "-l", mount.toString())
        .inheritIO()
        .start()
        .waitFor(30, TimeUnit.SECONDS);
  }

  @Test
  void aFullDiskFailsTheChangeRetriablyReportsNotReadyAndKeepsTheOldFile() throws Exception {
    RecordingHealthContext context =
        new RecordingHealthContext(
            Map.of(
                "zones", List.of("example.com."), "directory", mount.resolve("zones").toString()),
            Clock.systemUTC(),
            root);
    DnsProvider provider = (DnsProvider) new ZoneFileFactory().create(context);
    provider.start();
    Path file = mount.resolve("zones/example.com.zone");
    String before = Files.readString(file);
    Path filler = mount.resolve("filler");
    fill(filler);
    Change change =
        new Change.Replace(
            RecordSet.of("www.example.com.", RecordType.TXT, 300, "\"" + "x".repeat(200) + "\""));

    ChangeResult failed = provider.apply(List.of(change)).get(0);

    ProviderException e = (ProviderException) ((ChangeResult.Failed) failed).error();
    assertThat(e.retriable()).isTrue();
    assertThat(e)
        .hasMessage(
            "local.zonefile: cannot write "
                + file
                + ".journal: No space left on device"
                + " (nothing was written; gordon retries)");
    assertThat(context.last()).isEqualTo(e.getMessage());
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(provider.read("www.example.com.", RecordType.TXT)).isEmpty();
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "example.com.zone", "example.com.zone.lock", "example.com.zone.journal");
    }

    Files.delete(filler);
    assertThat(provider.apply(List.of(change)))
        .singleElement()
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(context.last()).isEqualTo("ok");
    assertThat(Files.readString(file)).contains("www.example.com. 300 IN TXT \"xxx");
    provider.shutdown();
  }

  @Test
  void roomForTheJournalButNotTheFileAcknowledgesAndWritesTheFileOnceSpaceIsBack()
      throws Exception {
    RecordingHealthContext context =
        new RecordingHealthContext(
            Map.of("zones", List.of("example.org."), "directory", mount.resolve("org").toString()),
            Clock.systemUTC(),
            root);
    DnsProvider provider = (DnsProvider) new ZoneFileFactory().create(context);
    provider.start();
    Path file = mount.resolve("org/example.org.zone");
    List<Change> many = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(
          new Change.Replace(
              RecordSet.of(
                  "t" + i + ".example.org.", RecordType.TXT, 300, "\"" + "y".repeat(60) + "\"")));
    }
    assertThat(provider.apply(many)).allMatch(r -> r instanceof ChangeResult.Applied);
    Thread.sleep(500); // let the file catch up
    String before = Files.readString(file);
    assertThat(before).contains("t149.example.org.");
    Path filler = mount.resolve("filler-org");
    fill(filler);
    try (var ch =
        java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 8192); // 8 KiB free: the journal's append fits, the file does not
    }
    Change change =
        new Change.Replace(RecordSet.of("www.example.org.", RecordType.A, 300, "192.0.2.7"));

    assertThat(provider.apply(List.of(change)))
        .singleElement()
        .isInstanceOf(ChangeResult.Applied.class);

    assertThat(context.last())
        .startsWith("local.zonefile: cannot write " + file + ": No space left on device");
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(provider.read("www.example.org.", RecordType.A)).isPresent();
    Files.delete(filler);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> Files.readString(file).contains("www.example.org. 300 IN A 192.0.2.7"));
    assertThat(context.last()).isEqualTo("ok");
    provider.shutdown();
  }

  /** Fills the file system to the last byte. */
  private static void fill(Path filler) throws IOException {
    try (var out = Files.newOutputStream(filler)) {
      byte[] page = new byte[512];
      for (int i = 0; i < 1024; i++) {
        try {
          out.write(page);
          out.flush();
        } catch (IOException full) {
          break;
        }
      }
    } catch (IOException full) {
      // the close may fail too: the file system is full, which is the point
    }
  }
}
