package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OCI image layout {@code mvn package} writes (gordon-service/target/oci): index, manifest,
 * config and layers are read as a registry or runtime would, digests checked, and the layers' file
 * system inspected; its JRE runs gordon.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageLayoutIT {
  static final Path LAYOUT = Gordon.REPO.resolve("gordon-service/target/oci");
  static final ObjectMapper JSON = new ObjectMapper();

  JsonNode manifest;
  JsonNode config;
  Path rootfs;
  List<String> entries = new ArrayList<>();

  @BeforeAll
  void readTheLayout() throws Exception {
    assertThat(LAYOUT.resolve("oci-layout")).as("mvn package must have written the image").exists();
    assertThat(
            JSON.readTree(LAYOUT.resolve("oci-layout").toFile())
                .path("imageLayoutVersion")
                .asText())
        .isEqualTo("1.0.0");
    JsonNode index = JSON.readTree(LAYOUT.resolve("index.json").toFile());
    assertThat(index.path("manifests")).hasSize(1);
    manifest = JSON.readTree(blob(index.path("manifests").get(0)));
    assertThat(manifest.path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    config = JSON.readTree(blob(manifest.path("config")));
    rootfs = Files.createTempDirectory("gordon-image");
    JsonNode diffIds = config.path("rootfs").path("diff_ids");
    assertThat(manifest.path("layers")).hasSameSizeAs(diffIds);
    for (int i = 0; i < diffIds.size(); i++) {
      JsonNode layer = manifest.path("layers").get(i);
      assertThat(layer.path("mediaType").asText())
          .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
      Path gz = LAYOUT.resolve("blobs/sha256").resolve(digestHex(layer));
      blob(layer); // checks size and digest
      byte[] tar = new java.util.zip.GZIPInputStream(Files.newInputStream(gz)).readAllBytes();
      assertThat("sha256:" + sha256(tar))
          .as("diff_id of layer " + i)
          .isEqualTo(diffIds.get(i).asText());
      entries.addAll(run(rootfs, "tar", "xvzf", gz.toString()));
      entries.addAll(run(rootfs, "tar", "tvzf", gz.toString()));
    }
  }

  @AfterAll
  void removeTheRootfs() throws Exception {
    run(Path.of("/"), "rm", "-rf", rootfs.toString());
  }

  private byte[] blob(JsonNode descriptor) throws Exception {
    byte[] data = Files.readAllBytes(LAYOUT.resolve("blobs/sha256").resolve(digestHex(descriptor)));
    assertThat((long) data.length).isEqualTo(descriptor.path("size").asLong());
    assertThat(sha256(data)).isEqualTo(digestHex(descriptor));
    return data;
  }

  private static String digestHex(JsonNode descriptor) {
    String d = descriptor.path("digest").asText();
    assertThat(d).startsWith("sha256:");
    return d.substring("sha256:".length());
  }

  @Test
  void theEntrypointRunsGordonOnTheImagesJreWithTheConfigUnderEtcGordon() {
    JsonNode c = config.path("config");
    assertThat(c.path("Entrypoint").get(0).asText()).isEqualTo("/opt/java/bin/java");
    assertThat(c.path("Entrypoint").toString())
        .contains("\"-cp\",\"/opt/gordon/lib/*\"," + "\"io.gordon.service.Main\"");
    assertThat(c.path("Cmd").toString()).isEqualTo("[\"run\",\"-c\",\"/etc/gordon\"]");
    assertThat(c.path("Env").toString()).contains("JDK_JAVA_OPTIONS=-XX:MaxRAMPercentage=50");
    assertThat(config.path("os").asText()).isEqualTo("linux");
  }

  @Test
  void itRunsAsANonRootUserWithWritableStateUnderVarLibGordon() throws Exception {
    assertThat(config.path("config").path("User").asText()).isEqualTo("10001:10001");
    assertThat(Files.readString(rootfs.resolve("etc/passwd")))
        .contains("gordon:x:10001:10001:gordon:/var/lib/gordon:");
    assertThat(entries).anyMatch(l -> l.matches("drwxr-x--- 10001/10001 .* var/lib/gordon/"));
    assertThat(config.path("config").path("Volumes").has("/var/lib/gordon")).isTrue();
    assertThat(config.path("config").path("WorkingDir").asText()).isEqualTo("/var/lib/gordon");
    assertThat(Files.readString(rootfs.resolve("etc/gordon/gordon.toml")))
        .isEqualTo(Files.readString(Gordon.REPO.resolve("deploy/gordon.toml")));
  }

  @Test
  void theEventAndAdminPortsAreExposed() {
    JsonNode ports = config.path("config").path("ExposedPorts");
    assertThat(ports.has("8053/tcp")).isTrue();
    assertThat(ports.has("9053/tcp")).isTrue();
    assertThat(ports).hasSize(2);
  }

  @Test
  void theJarSetIsTheReleaseArchivesAndTheJreRunsIt() throws Exception {
    Set<String> jars = new TreeSet<>(ReleaseArchiveIT.jars(rootfs.resolve("opt/gordon/lib")));
    assertThat(jars).isEqualTo(ReleaseArchiveIT.distributionJars());
    List<String> out =
        run(
            rootfs,
            rootfs.resolve("opt/java/bin/java").toString(),
            "-cp",
            rootfs.resolve("opt/gordon/lib") + "/*",
            "io.gordon.service.Main",
            "version");
    assertThat(out.get(0)).startsWith("gordon ");
  }

  /**
   * The entrypoint's JVM flags and JDK_JAVA_OPTIONS on the image's JRE and jars (paths under the
   * unpacked rootfs, since the test cannot chroot): the service starts, /healthz answers, an event
   * lands, SIGTERM exits 0 and the JVM writes its class-data-sharing archive.
   */
  @Test
  void theEntrypointStartsTheServiceOnTheImagesJreAndHealthzAnswers() throws Exception {
    Path dir = Configs.embeddedDefault(Files.createTempDirectory("gordon-image-run"));
    Path jsa = dir.resolve("gordon.jsa");
    List<String> cmd = entrypoint(jsa);
    cmd.addAll(List.of("run", "-c", dir.toString()));
    String options = "";
    for (JsonNode e : config.path("config").path("Env")) {
      if (e.asText().startsWith("JDK_JAVA_OPTIONS=")) {
        options = e.asText().substring("JDK_JAVA_OPTIONS=".length());
      }
    }
    try (GordonProcess gordon =
        GordonProcess.start(
            Path.of(cmd.get(0)),
            dir,
            java.util.Map.of("JDK_JAVA_OPTIONS", options),
            cmd.subList(1, cmd.size()).toArray(String[]::new))) {
      Http http = new Http(gordon.httpPort());
      java.util.regex.Pattern listening =
          java.util.regex.Pattern.compile(
              "admin server listening on http://127\\.0\\.0\\.1:(\\d+)/");
      // The admin server may log its port a moment after the event port is bound.
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> listening.matcher(gordon.logText()).find());
      java.util.regex.Matcher admin = listening.matcher(gordon.logText());
      assertThat(admin.find()).as(gordon.tail()).isTrue();
      java.net.http.HttpResponse<String> health =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + admin.group(1) + "/healthz"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(http.post("", Http.addA("img-1", "img.example.com.", "192.0.2.50")).statusCode())
          .isEqualTo(202);
      assertThat(gordon.stop()).as(gordon.tail()).isZero();
      assertThat(gordon.logText()).contains("Shutdown complete.");
      assertThat(jsa).as("-XX:+AutoCreateSharedArchive wrote the archive at exit").exists();
    } finally {
      run(Path.of("/"), "rm", "-rf", dir.toString());
    }
  }

  /**
   * Flags that may differ between the launcher's JVM and the image's, and why. Any other flag set
   * on either command line must end with the same value in both.
   */
  static final Map<String, String> DIFFERENT_BY_DESIGN =
      Map.of(
          "NewSize", "the image's young generation starts at the floor; the launcher's at its 32nd",
          "NewRatio", "the image sizes the young generation by ratio, the launcher with -Xmn",
          "MaxRAMPercentage", "the image's heap is a share of the container's limit",
          "MaxRAM", "this test's stand-in for the container's limit",
          "AOTCache", "start-up archive: the launcher's AOT cache",
          "SharedArchiveFile", "start-up archive: the image's dynamic CDS archive",
          "AutoCreateSharedArchive", "start-up archive: the image's dynamic CDS archive");

  /**
   * bin/gordon and the image's entrypoint give the JVM the same settings (bin/jvm-options.sh). Both
   * print their final flags; the image's JVM is sized for a container limit of twice the heap the
   * launcher chose on this machine, where the launcher's rule (half the limit, at most 256 MB)
   * gives the same heap. Heap, young generation, collector, JIT and the other sizes must match, and
   * a flag set on one side only fails unless {@link #DIFFERENT_BY_DESIGN} names it.
   */
  @Test
  void theEntrypointGivesTheJvmTheLaunchersSettings() throws Exception {
    JvmFlags launcher =
        JvmFlags.of(
            List.of(Gordon.REPO.resolve("bin/gordon").toString(), "version"),
            Map.of("GORDON_NO_BUILD", "1", "GORDON_JAVA_OPTS", "-XX:+PrintFlagsFinal"));
    long heap = Long.parseLong(launcher.value("MaxHeapSize"));
    Path jsa = Files.createTempFile("gordon-image-flags", ".jsa");
    Files.delete(jsa);
    List<String> cmd = entrypoint(jsa);
    cmd.add("version");
    JvmFlags image =
        JvmFlags.of(
            cmd,
            Map.of(
                "JDK_JAVA_OPTIONS",
                env("JDK_JAVA_OPTIONS") + " -XX:MaxRAM=" + 2 * heap + " -XX:+PrintFlagsFinal"));
    Files.deleteIfExists(jsa);
    for (String f :
        List.of(
            "MaxHeapSize",
            "MaxNewSize",
            "UseSerialGC",
            "TieredStopAtLevel",
            "MaxMetaspaceSize",
            "ReservedCodeCacheSize",
            "ThreadStackSize",
            "ExitOnOutOfMemoryError")) {
      assertThat(image.value(f)).as(f + " (image vs launcher)").isEqualTo(launcher.value(f));
    }
    Set<String> set = new TreeSet<>(launcher.commandLine());
    set.addAll(image.commandLine());
    set.removeAll(DIFFERENT_BY_DESIGN.keySet());
    for (String f : set) {
      assertThat(image.value(f))
          .as(f + ": set on the command line, image vs launcher (bin/jvm-options.sh defines both)")
          .isEqualTo(launcher.value(f));
    }
  }

  /** The value of an environment variable the image's config sets. */
  private String env(String name) {
    for (JsonNode e : config.path("config").path("Env")) {
      if (e.asText().startsWith(name + "=")) {
        return e.asText().substring(name.length() + 1);
      }
    }
    throw new AssertionError("the image's config does not set " + name);
  }

  private static List<String> run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + text).isZero();
    return text.lines().toList();
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /**
   * The image's Entrypoint run on the host: its paths under the unpacked rootfs, the AOT cache at
   * {@code jsa}.
   */
  private List<String> entrypoint(Path jsa) {
    List<String> cmd = new ArrayList<>();
    config
        .path("config")
        .path("Entrypoint")
        .forEach(
            a ->
                cmd.add(
                    a.asText()
                        .replace("/var/lib/gordon/.gordon.jsa", jsa.toString())
                        .replace("/opt/", rootfs + "/opt/")));
    return cmd;
  }
}
