package io.gordon.benchmarks.rfc2136;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The version line of the installed {@code named}, for the report. */
final class BindVersion {
  private BindVersion() {}

  static String get() {
    try {
      Process p =
          new ProcessBuilder(
                  java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/sbin/named"))
                      ? "/usr/sbin/named"
                      : "named",
                  "-v")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor();
      return out.replaceFirst("^BIND ", "").replaceFirst(" \\(.*", "");
    } catch (IOException | InterruptedException e) {
      return "(version unknown)";
    }
  }
}
