package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OCI image run as a container runtime runs it: its layers unpacked in order (whiteouts
 * honoured) into a root file system, then its Entrypoint + Cmd executed with only its Env, in its
 * WorkingDir, as its User, chrooted into that file system with /proc mounted and a PID namespace of
 * its own ({@code unshare --root}, which is chroot(2)). Nothing of the host's file system is
 * visible, so a JRE that needs a C library the image lacks cannot start. Needs root (or
 * CAP_SYS_CHROOT and CAP_SYS_ADMIN): without them every test fails with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageChrootIT {
  static final Path LAYOUT = Gordon.REPO.resolve("gordon-service/target/oci");
  static final ObjectMapper JSON = new ObjectMapper();

  JsonNode config;
  Path rootfs;

  @BeforeAll
  void unpackTheImage() throws Exception {
    assertThat(LAYOUT.resolve("index.json")).as("mvn package must have written the image").exists();
    JsonNode index = JSON.readTree(LAYOUT.resolve("index.json").toFile());
    JsonNode manifest = JSON.readTree(blob(index.path("manifests").get(0)).toFile());
    config = JSON.readTree(blob(manifest.path("config")).toFile());
    rootfs = Files.createTempDirectory("gordon-chroot");
    for (JsonNode layer : manifest.path("layers")) {
      Path gz = blob(layer);
      for (String entry : run("tar", "tzf", gz.toString())) {
        whiteout(entry);
      }
      run(
          "tar",
          "xzf",
          gz.toString(),
          "-C",
          rootfs.toString(),
          "--numeric-owner",
          "--same-owner",
          "--exclude=.wh.*",
          "--exclude=*/.wh.*");
    }
    // A runtime's root directory is searchable by everyone and has mount points for /proc, /dev.
    run("chmod", "0755", rootfs.toString());
    Files.createDirectories(rootfs.resolve("proc"));
    Files.createDirectories(rootfs.resolve("dev"));
    Process p =
        new ProcessBuilder(
                which("unshare"),
                "--mount",
                "--pid",
                "--fork",
                "--mount-proc=/proc",
                "--root=/",
                which("true"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as(
            "the test runs the image in namespaces with chroot (unshare --root), which needs root"
                + " or CAP_SYS_ADMIN and CAP_SYS_CHROOT; here: "
                + out)
        .isTrue();
  }

  /** OCI whiteouts: {@code .wh.NAME} deletes NAME of lower layers, {@code .wh..wh..opq} empties. */
  private void whiteout(String entry) throws Exception {
    Path p = Path.of(entry);
    String name = p.getFileName().toString();
    if (!name.startsWith(".wh.")) {
      return;
    }
    Path dir = p.getParent() == null ? rootfs : rootfs.resolve(p.getParent().toString());
    if (name.equals(".wh..wh..opq")) {
      run("find", dir.toString(), "-mindepth", "1", "-delete");
    } else {
      run("rm", "-rf", dir.resolve(name.substring(".wh.".length())).toString());
    }
  }

  @AfterAll
  void removeTheRootfs() throws Exception {
    if (rootfs != null) {
      run("rm", "-rf", rootfs.toString());
    }
  }

  private Path blob(JsonNode descriptor) {
    return LAYOUT
        .resolve("blobs/sha256")
        .resolve(descriptor.path("digest").asText().substring("sha256:".length()));
  }

  /**
   * The runtime's command line for the image's Entrypoint followed by {@code cmd}: a fresh
   * environment (the image's Env only), new mount and PID namespaces with /proc, chroot into the
   * unpacked layers, WorkingDir and User from the config.
   */
  private List<String> container(List<String> cmd) {
    JsonNode c = config.path("config");
    List<String> line = new ArrayList<>(List.of(which("env"), "-i"));
    c.path("Env").forEach(e -> line.add(e.asText()));
    String[] user = c.path("User").asText().split(":");
    line.addAll(
        List.of(
            "unshare",
            "--mount",
            "--pid",
            "--fork",
            "--kill-child",
            "--mount-proc=/proc",
            "--root=" + rootfs,
            "--wd=" + c.path("WorkingDir").asText(),
            "--setgid=" + user[1],
            "--setuid=" + user[0]));
    c.path("Entrypoint").forEach(a -> line.add(a.asText()));
    line.addAll(cmd);
    // env -i clears PATH before it looks unshare up: name it absolutely.
    line.set(line.indexOf("unshare"), which("unshare"));
    return line;
  }

  private static String which(String tool) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return dir + "/" + tool;
      }
    }
    throw new AssertionError(tool + " is not installed (util-linux); it runs the image");
  }

  @Test
  void theImagesCmdIsRunOnTheConfigUnderEtcGordon() {
    assertThat(config.path("config").path("Cmd").toString())
        .isEqualTo("[\"run\",\"-c\",\"/etc/gordon\"]");
  }

  /** Names the C library the image carries, which docs/operations.md describes. */
  @Test
  void theConfigNamesTheGlibcTheImageCarries() {
    assertThat(config.path("config").path("Labels").path("io.gordon.image.libc").asText())
        .matches("glibc \\d+\\.\\d+ \\(.+\\)");
  }

  /**
   * Each library of the JRE finds what it links against inside the image (the loader's --list),
   * except those only a desktop loads (deploy/image/SystemLibraries.java, DESKTOP_ONLY).
   */
  @Test
  void everyLibraryOfTheJreFindsItsLibrariesInsideTheImage() throws Exception {
    Set<String> desktopOnly =
        Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so");
    List<Path> libraries;
    try (Stream<Path> all = Files.walk(rootfs.resolve("opt/java/lib"))) {
      libraries = all.filter(p -> p.toString().endsWith(".so")).sorted().toList();
    }
    assertThat(libraries).hasSizeGreaterThan(10);
    for (Path lib : libraries) {
      if (desktopOnly.contains(lib.getFileName().toString())) {
        continue;
      }
      List<String> out =
          run(
              which("unshare"),
              "--mount",
              "--root=" + rootfs,
              loader(),
              "--library-path",
              "/opt/java/lib:/opt/java/lib/server",
              "--list",
              "/" + rootfs.relativize(lib));
      assertThat(out).as(lib.toString()).noneMatch(l -> l.contains("not found"));
    }
  }

  /** The dynamic loader the image's architecture asks for, at its absolute path. */
  private String loader() {
    return switch (config.path("architecture").asText()) {
      case "amd64" -> "/lib64/ld-linux-x86-64.so.2";
      case "arm64" -> "/lib/ld-linux-aarch64.so.1";
      default -> throw new AssertionError("no loader known for " + config.path("architecture"));
    };
  }

  @Test
  void gordonVersionRunsInsideTheImageAlone() throws Exception {
    List<String> out = run(container(List.of("version")).toArray(String[]::new));
    // The JVM first notes JDK_JAVA_OPTIONS from the image's Env.
    assertThat(out.get(0)).startsWith("NOTE: Picked up JDK_JAVA_OPTIONS: -XX:MaxRAMPercentage=");
    assertThat(out.get(1)).startsWith("gordon ");
    assertThat(out.get(2)).startsWith("java ").endsWith("(/opt/java)");
  }

  /**
   * The embedded default config (ports 0) in a directory of the state volume: gordon starts, an
   * event is accepted, SIGTERM to the JVM (PID 1 of the namespace) stops it with status 0.
   */
  @Test
  void gordonRunStartsInsideTheImageAndAcceptsAnEvent() throws Exception {
    Path conf =
        Configs.embeddedDefault(Files.createDirectories(rootfs.resolve("var/lib/gordon/it")));
    run("chown", "-R", config.path("config").path("User").asText(), conf.toString());
    Path logs = Files.createTempDirectory("gordon-chroot-run");
    List<String> cmd = container(List.of("run", "-c", "/var/lib/gordon/it"));
    try (GordonProcess gordon =
        GordonProcess.start(Path.of(which("env")), logs, Map.of(), cmd.toArray(String[]::new))) {
      Http http = new Http(gordon.httpPort());
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> gordon.logText().contains("gordon started"));
      assertThat(
              http.post("", Http.addA("chroot-1", "chroot.example.com.", "192.0.2.51"))
                  .statusCode())
          .isEqualTo(202);
      ProcessHandle jvm =
          gordon
              .handle()
              .descendants()
              .filter(h -> h.info().command().orElse("").endsWith("/java"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no JVM under unshare: " + gordon.tail()));
      run("kill", "-TERM", Long.toString(jvm.pid()));
      assertThat(gordon.stop()).as(gordon.tail()).isZero();
      assertThat(gordon.logText()).contains("Shutdown complete.");
    } finally {
      run("rm", "-rf", logs.toString());
    }
  }

  private static List<String> run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + text).isZero();
    return text.lines().toList();
  }
}
