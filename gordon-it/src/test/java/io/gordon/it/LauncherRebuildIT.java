package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source-tree launcher rebuilds only when a source of the distribution changed. Runs the real
 * {@code bin/gordon} in a copy of the tree's layout whose {@code mvn} is a script counting the
 * builds; the jars are the real ones.
 */
class LauncherRebuildIT {
  @TempDir Path tree;

  private Path builds;

  @BeforeEach
  void copyTheLayout() throws IOException {
    Files.createDirectories(tree.resolve("bin"));
    for (String f : List.of("bin/gordon", "bin/jdk.sh", "bin/jvm-options.sh")) {
      Files.copy(Gordon.REPO.resolve(f), tree.resolve(f));
    }
    Files.writeString(tree.resolve("pom.xml"), "<project/>");
    write("gordon-core/pom.xml", "<project/>");
    write("gordon-core/src/main/java/Core.java", "class Core {}");
    write("gordon-core/src/test/java/CoreTest.java", "class CoreTest {}");
    write("gordon-benchmarks/src/main/java/Bench.java", "class Bench {}");
    Path dist = Files.createDirectories(tree.resolve("gordon-service/target/lib")).getParent();
    Path real = Gordon.REPO.resolve("gordon-service/target");
    Files.copy(real.resolve("gordon-service.jar"), dist.resolve("gordon-service.jar"));
    try (Stream<Path> jars = Files.list(real.resolve("lib"))) {
      for (Path j : jars.toList()) {
        Files.copy(j, dist.resolve("lib").resolve(j.getFileName()));
      }
    }
    builds = tree.resolve("builds.txt");
    // Like Maven, the script leaves an up-to-date jar alone.
    Path mvn = write("fake-bin/mvn", "#!/bin/sh\necho build >> '" + builds + "'\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    // As after `mvn verify`: every source is older than the build output, and generated
    // sources in target/ are the newest files of the tree.
    ageEverything();
    write("gordon-benchmarks/target/generated-sources/Generated.java", "class Generated {}");
  }

  @Test
  void twoCallsInARowAfterAFullBuildBuildAtMostOnce() throws Exception {
    launch();
    launch();
    assertThat(builds()).isLessThanOrEqualTo(1);
  }

  @Test
  void aChangedSourceRebuildsOnceAndTheNextCallRunsWithoutBuilding() throws Exception {
    launch();
    int before = builds();
    Thread.sleep(1100); // file times of a second's resolution must differ
    Files.writeString(tree.resolve("gordon-core/src/main/java/Core.java"), "class Core { }");
    launch();
    launch();
    assertThat(builds()).isEqualTo(before + 1);
  }

  @Test
  void testsGeneratedFilesAndBenchmarksAreNotSourcesOfTheDistribution() throws Exception {
    launch();
    int before = builds();
    Thread.sleep(1100);
    write("gordon-core/src/test/java/CoreTest.java", "class CoreTest { }");
    write("gordon-core/target/classes/Core.class", "x");
    write("gordon-benchmarks/src/main/java/Bench.java", "class Bench { }");
    write("gordon-benchmarks/target/generated-sources/Other.java", "class Other {}");
    launch();
    assertThat(builds()).isEqualTo(before);
  }

  private void launch() throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(tree.resolve("bin/gordon").toString(), "version")
            .directory(tree.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tree.resolve("out.txt").toFile());
    pb.environment().put("PATH", tree.resolve("fake-bin") + ":/usr/bin:/bin");
    pb.environment().remove("GORDON_NO_BUILD");
    pb.environment().put("GORDON_CDS", "off"); // no training runs: only builds are counted
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bin/gordon version finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(tree.resolve("out.txt"))).isZero();
    assertThat(Files.readString(tree.resolve("out.txt"))).contains("gordon 0.1.0-SNAPSHOT");
  }

  private int builds() throws IOException {
    return Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
  }

  private Path write(String path, String text) throws IOException {
    Path p = tree.resolve(path);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private void ageEverything() throws IOException {
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path p : all.toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }
    Files.setLastModifiedTime(
        tree.resolve("gordon-service/target/gordon-service.jar"),
        FileTime.from(Instant.now().minusSeconds(60)));
  }
}
