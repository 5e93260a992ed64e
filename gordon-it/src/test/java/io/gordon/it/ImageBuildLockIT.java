package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two image builds at once in one build directory (bin/bench's {@code mvn package} next to a {@code
 * verify}) both succeed. The image build once failed with {@code ldd ... No such file} and passed
 * when run again: two builds deleted and re-linked the JRE in {@code target/oci-work} under each
 * other, so one ran ldd on a library the other had just deleted (or jlink refused an output
 * directory the other had created). Now a build holds a lock on its build directory and links the
 * JRE aside before moving it in. Runs the real image tool that {@code mvn package} compiled.
 */
class ImageBuildLockIT {
  static final Path SERVICE = Gordon.REPO.resolve("gordon-service/target");
  @TempDir Path target;

  @Test
  void twoBuildsAtOnceInOneDirectoryBothSucceedWithACompleteJre() throws Exception {
    assertThat(SERVICE.resolve("oci-tool/OciImage.class"))
        .as("mvn package must have compiled the image tool")
        .exists();
    Files.createSymbolicLink(target.resolve("lib"), SERVICE.resolve("lib"));
    Files.createSymbolicLink(
        target.resolve("gordon-service.jar"), SERVICE.resolve("gordon-service.jar"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> builds = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      builds.add(
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  SERVICE.resolve("oci-tool").toString(),
                  "OciImage",
                  target.toString(),
                  Gordon.REPO.toString(),
                  "race")
              .redirectErrorStream(true)
              .redirectOutput(target.resolve("build-" + i + ".log").toFile())
              .start());
    }
    for (int i = 0; i < 2; i++) {
      assertThat(builds.get(i).waitFor(10, TimeUnit.MINUTES)).as("build %d ended", i).isTrue();
      assertThat(builds.get(i).exitValue())
          .as(Files.readString(target.resolve("build-" + i + ".log"), StandardCharsets.UTF_8))
          .isZero();
    }
    assertThat(target.resolve("oci-work/jre/bin/java")).isExecutable();
    assertThat(target.resolve("oci-work/jre.modules")).isRegularFile();
    assertThat(target.resolve("oci-work/jre.partial")).doesNotExist();
    assertThat(target.resolve("gordon-race-oci.tar")).isNotEmptyFile();
  }
}
