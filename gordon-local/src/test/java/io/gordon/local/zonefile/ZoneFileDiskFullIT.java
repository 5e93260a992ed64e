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
 * A full disk (ENOSPC on a real 64 KiB tmpfs, mounted by the test) fails the zone-file write as a
 * retriable provider failure naming the file and the system's reason, reports not-ready, keeps the
 * old file whole, and the same change applies once space is back. Needs root for mount; fails
 * (never skips) without it.
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
                + ": No space left on device"
                + " (nothing was written; gordon retries)");
    assertThat(context.last()).isEqualTo(e.getMessage());
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(provider.read("www.example.com.", RecordType.TXT)).isEmpty();
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("example.com.zone", "example.com.zone.lock");
    }

    Files.delete(filler);
    assertThat(provider.apply(List.of(change)))
        .singleElement()
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(context.last()).isEqualTo("ok");
    assertThat(Files.readString(file)).contains("www.example.com. 300 IN TXT \"xxx");
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
