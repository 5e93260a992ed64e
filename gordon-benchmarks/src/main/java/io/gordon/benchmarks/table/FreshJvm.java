package io.gordon.benchmarks.table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark's {@code main} in a JVM of its own with the given flags (the launcher's, so a
 * row measures what {@code bin/gordon} runs), its stderr passed through, its stdout returned.
 */
final class FreshJvm {
  private FreshJvm() {}

  static String run(List<String> flags, Class<?> main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.err.print(out);
    int status = p.waitFor();
    if (status != 0) {
      throw new IllegalStateException(
          main.getSimpleName()
              + " "
              + String.join(" ", args)
              + " exited with "
              + status
              + ":\n"
              + out);
    }
    return out;
  }
}
