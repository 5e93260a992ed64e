package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.it.fakes.Fakes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Runs the real {@code bin/gordon} launcher on the packaged distribution. */
final class Gordon {
  /** The repository root (gordon-it's parent directory). */
  static final Path REPO = Path.of("").toAbsolutePath().getParent();

  private Gordon() {}

  /**
   * One finished run.
   *
   * @param exit the exit status
   * @param out standard output
   * @param err standard error
   */
  record Result(int exit, String out, String err) {
    /** Standard error's lines. */
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  /** Runs {@code bin/gordon args...} in {@code cwd} and waits for it (at most a minute). */
  static Result run(Path cwd, String... args) throws IOException, InterruptedException {
    Path launcher = REPO.resolve("bin/gordon");
    assertThat(REPO.resolve("gordon-service/target/gordon-service.jar"))
        .as("the distribution must be packaged before gordon-it runs (mvn verify does it)")
        .exists();
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("gordon-out", ".txt");
    Path err = Files.createTempFile("gordon-err", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(cwd.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      pb.environment().put("GORDON_NO_BUILD", "1");
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(
            "bin/gordon "
                + String.join(" ", args)
                + " did not finish in "
                + "60 s; stderr: "
                + Files.readString(err));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Writes {@code dir/plugins/it-fakes.jar} holding the fake plugins and their services file. */
  static Path installFakePlugins(Path dir) throws Exception {
    Path classes = Path.of(Fakes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path pkg = classes.resolve("io/gordon/it/fakes");
    Path jar = Files.createDirectories(dir.resolve("plugins")).resolve("it-fakes.jar");
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os);
        Stream<Path> files = Files.list(pkg)) {
      for (Path f : files.sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/io.gordon.api.plugin.PluginFactory"));
      for (Class<?> c : Fakes.FACTORIES) {
        out.write((c.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      out.closeEntry();
    }
    return jar;
  }
}
