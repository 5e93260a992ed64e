package io.gordon.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalIT {
  @TempDir Path dir;

  @Test
  void sigtermShutsEveryPluginDownAndExitsZero() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SignalMain.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.equals("ready")) {
          // Process.destroy() would close our end of the pipes; send the signal ourselves.
          new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
        }
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(lines).contains("ready", "provider shutdown", "source shutdown", "exiting 0");
    assertThat(lines.indexOf("provider shutdown")).isLessThan(lines.indexOf("source shutdown"));
    assertThat(p.exitValue()).isZero();
  }
}
