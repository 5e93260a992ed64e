package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gordon.api.plugin.Outcome;
import io.gordon.local.RecordingSourceContext.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (ENOSPC on a real 64 KiB tmpfs, mounted by the test) fails the request with 503,
 * leaves no partial record, submits nothing of it, and the next event accepted once space is back
 * is read whole. Needs root for mount; fails (never skips) without it.
 */
class SpoolFullDiskIT {
  @TempDir static Path root;
  static Path mount;
  static RunningHttpSource http;

  @BeforeAll
  static void mountTmpfs() throws Exception {
    mount = root.resolve("small");
    Files.createDirectories(mount);
    run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString());
    http =
        new RunningHttpSource(
            root,
            Map.of("directory", mount.resolve("spool").toString(), "max_body_bytes", 1_048_576L));
  }

  @AfterAll
  static void unmount() throws Exception {
    if (http != null) {
      http.close();
    }
    if (mount != null) {
      new ProcessBuilder("umount", "-l", mount.toString())
          .inheritIO()
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(
          String.join(" ", cmd)
              + " failed ("
              + out.strip()
              + "): this test mounts a small tmpfs"
              + " to produce ENOSPC and must run as root (uid "
              + uid()
              + ")");
    }
  }

  private static String uid() {
    try {
      return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static String event(String id, String ip) {
    return "{\"id\":\""
        + id
        + "\",\"action\":\"additions\",\"resourceRecords\":{\"name\":"
        + "\"www.example.com.\",\"type\":\"A\",\"rrdatas\":[\""
        + ip
        + "\"]}}";
  }

  @Test
  void aFailedWriteAnswers503LeavesNoPartialLineAndTheNextAcceptedEventIsReadWhole()
      throws Exception {
    String json = "Content-Type: application/json\r\n";
    assertThat(http.post(json, event("before", "192.0.2.1"))).startsWith("202 ");
    settle(http.ctx.next(), "before");
    String spoolBefore = segments();

    Path filler = mount.resolve("filler");
    fill(filler);
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      batch.append(i == 0 ? "" : ",").append(event("full-" + i, "192.0.2." + (i % 250 + 1)));
    }
    String answer = http.post(json, batch.append("]").toString());

    assertThat(answer)
        .isEqualTo(
            "503 {\"error\":\"cannot write the spool, nothing was"
                + " accepted (see the server log; retry later)\"}");
    assertThat(segments())
        .as("nothing of the failed request is in the spool")
        .isEqualTo(spoolBefore);
    assertThat(http.ctx.items.poll(500, TimeUnit.MILLISECONDS)).as("nothing submitted").isNull();

    Files.delete(filler);
    assertThat(http.post(json, event("after", "192.0.2.7")))
        .isEqualTo("202 {\"accepted\":[\"after\"]}");
    Item after = http.ctx.next();
    assertThat(after.rejected()).as("read whole, not dead-lettered: " + after.reason()).isFalse();
    assertThat(after.id()).isEqualTo("after");
    assertThat(after.message().event().records().get(0).rdata()).containsExactly("192.0.2.7");
    assertThat(segments())
        .isEqualTo(
            spoolBefore
                + "{\"id\":\"after\",\"action\":\"additions\","
                + "\"resourceRecords\":[{\"name\":\"www.example.com.\",\"type\":\"A\",\"rrdatas\":"
                + "[\"192.0.2.7\"]}]}\n");
  }

  private static void settle(Item item, String id) {
    assertThat(item.id()).isEqualTo(id);
    item.settle(new Outcome.Applied());
  }

  /** Fills the file system, leaving a little room so the batch fails part-way through. */
  private static void fill(Path filler) throws IOException {
    try (var out = Files.newOutputStream(filler)) {
      byte[] page = new byte[4096];
      for (int i = 0; i < 64; i++) {
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

  private static String segments() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.list(mount.resolve("spool"))) {
      for (Path p :
          s.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().startsWith("http-"))
              .sorted()
              .toList()) {
        sb.append(Files.readString(p));
      }
    }
    return sb.toString();
  }
}
