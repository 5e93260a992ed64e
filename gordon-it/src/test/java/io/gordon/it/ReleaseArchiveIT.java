package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The release archive, unpacked in a temporary directory and run with only a JDK: no Maven on the
 * PATH, no source tree, a HOME without a Maven repository.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseArchiveIT {
  /** What bin/gordon may call; Maven is not among them. */
  static final List<String> TOOLS =
      List.of(
          "bash",
          "sh",
          "env",
          "sed",
          "find",
          "mktemp",
          "cat",
          "grep",
          "seq",
          "sleep",
          "kill",
          "rm",
          "mv",
          "mkdir",
          "basename",
          "dirname",
          "readlink",
          "tr",
          "head");

  Path tmp;

  Path home;
  Map<String, String> env;

  @BeforeAll
  void unpack() throws Exception {
    tmp = Files.createTempDirectory("gordon-release");
    Path archive = archive();
    exec(tmp, "tar", "xzf", archive.toString());
    home = tmp.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
    Path tools = Files.createDirectories(tmp.resolve("tools"));
    for (String t : TOOLS) {
      Path real =
          Stream.of("/usr/bin", "/bin")
              .map(d -> Path.of(d, t))
              .filter(Files::exists)
              .findFirst()
              .orElseThrow(() -> new AssertionError(t + " not found in /usr/bin, /bin"));
      Files.createSymbolicLink(tools.resolve(t), real);
    }
    env =
        new HashMap<>(
            Map.of(
                "PATH",
                tools.toString(),
                "HOME",
                tmp.resolve("home").toString(),
                "JAVA_HOME",
                System.getProperty("java.home")));
    env.put("GORDON_NO_BUILD", ""); // the release never builds; make sure nothing relies on it
  }

  @AfterAll
  void removeTheUnpackedTree() throws Exception {
    exec(Path.of("/"), "rm", "-rf", tmp.toString());
  }

  static Path archive() throws IOException {
    try (Stream<Path> files = Files.list(Gordon.REPO.resolve("gordon-service/target"))) {
      List<Path> found =
          files.filter(f -> f.getFileName().toString().matches("gordon-.*\\.tar\\.gz")).toList();
      assertThat(found).as("mvn package must have written gordon-<version>.tar.gz").hasSize(1);
      return found.get(0);
    }
  }

  @Test
  void theArchiveHoldsLauncherJarsConfigsUnitAndDocsButNoSources() throws Exception {
    assertThat(home.resolve("bin/gordon")).isExecutable();
    for (String f :
        List.of(
            "bin/jdk.sh",
            "bin/jvm-options.sh",
            "gordon.toml",
            "etc/gordon.toml",
            "README.md",
            "docs/install.md",
            "examples/event-a.json",
            "deploy/systemd/gordon.service")) {
      assertThat(home.resolve(f)).as(f).isRegularFile();
    }
    assertThat(home.resolve("pom.xml")).doesNotExist();
    assertThat(home.resolve("gordon-core")).doesNotExist();
    assertThat(jars(home.resolve("lib"))).isEqualTo(distributionJars());
  }

  @Test
  void theSystemdUnitRestartsAndIsHardened() throws Exception {
    List<String> unit = Files.readAllLines(home.resolve("deploy/systemd/gordon.service"));
    assertThat(unit)
        .contains(
            "Type=exec",
            "Restart=on-failure",
            "RestartPreventExitStatus=2",
            "ProtectSystem=strict",
            "NoNewPrivileges=true",
            "ReadWritePaths=/var/lib/gordon",
            "StateDirectory=gordon",
            "User=gordon",
            "ExecStart=/opt/gordon/bin/gordon run -c /etc/gordon");
  }

  @Test
  void theProductionConfigPassesGordonConfigWithATokenAndFailsWithout() throws Exception {
    Map<String, String> withToken = new HashMap<>(env);
    withToken.put("GORDON_HTTP_TOKEN", "t0ken");
    assertThat(run(withToken, "config", "-c", home.resolve("etc").toString())).isZero();
  }

  @Test
  void theEmbeddedDefaultRunsEndToEndFromTheUnpackedArchive() throws Exception {
    Path toml = home.resolve("gordon.toml"); // the archive's own, its ports set to 0
    Files.writeString(
        toml, Files.readString(toml).replace(":8053\"", ":0\"").replace(":9053\"", ":0\""));
    try (GordonProcess gordon = GordonProcess.start(home.resolve("bin/gordon"), home, env, "run")) {
      Http http = new Http(gordon.httpPort());
      HttpResponse<String> r = http.post("", Http.addA("rel-1", "rel.example.com.", "192.0.2.40"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      Path zone = home.resolve("var/zones/example.com.zone");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(Zone.records(zone, "example.com."))
                      .contains("rel.example.com. 300 IN A 192.0.2.40"));
      assertThat(gordon.logText()).doesNotContain("building the distribution");
      assertThat(home.resolve("gordon.jsa")).as("CDS archive written at first start").exists();
      assertThat(gordon.stop()).as(gordon.tail()).isZero();
    }
  }

  @Test
  void aLinkToTheLauncherRunsTheReleaseItPointsInto() throws Exception {
    // Before, a link such as /usr/local/bin/gordon looked for bin/jdk.sh beside its own
    // directory: "/usr/local/bin/gordon: line 21: /usr/local/bin/jdk.sh: No such file".
    Path bin = Files.createDirectories(tmp.resolve("usr/local/bin"));
    Path absolute = Files.createSymbolicLink(bin.resolve("gordon"), home.resolve("bin/gordon"));
    Path relative =
        Files.createSymbolicLink(
            bin.resolve("gordon-rel"), bin.relativize(home.resolve("bin/gordon")));
    Path chained = Files.createSymbolicLink(bin.resolve("gordon-chain"), Path.of("gordon-rel"));
    for (Path link : List.of(absolute, relative, chained)) {
      assertThat(run(link, env, "version")).as(link.toString()).isZero();
      assertThat(Files.readString(tmp.resolve("run.log"))).startsWith("gordon ");
    }
  }

  private int run(Map<String, String> environment, String... args) throws Exception {
    return run(home.resolve("bin/gordon"), environment, args);
  }

  private int run(Path launcher, Map<String, String> environment, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("run.log").toFile());
    pb.environment().putAll(environment);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() != 0) {
      System.err.println(Files.readString(tmp.resolve("run.log")));
    }
    return p.exitValue();
  }

  static Set<String> distributionJars() throws IOException {
    Set<String> jars = jars(Gordon.REPO.resolve("gordon-service/target/lib"));
    jars.add("gordon-service.jar");
    return jars;
  }

  static Set<String> jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".jar"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void exec(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
  }
}
