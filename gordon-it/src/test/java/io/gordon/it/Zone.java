package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Reads a zone file gordon wrote, and checks it with BIND's named-checkzone. */
final class Zone {
  private Zone() {}

  /**
   * Every record line except the SOA, apex NS, the name server's own A record and the owner markers
   * ({@code _gordon-...} TXT, written beside each record gordon owns).
   */
  static Set<String> records(Path file, String zone) throws IOException {
    Set<String> out = new TreeSet<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()
          || line.startsWith(";")
          || line.startsWith("$")
          || line.contains(" IN SOA ")
          || line.startsWith("ns1." + zone + " ")
          || line.startsWith(zone + " ") && line.contains(" IN NS ")
          || line.startsWith("_gordon-")) {
        continue;
      }
      out.add(line);
    }
    return out;
  }

  /** Runs named-checkzone on {@code file}; fails with its output unless it loads the zone. */
  static void assertLoadsInBind(String zone, Path file) throws Exception {
    Process p =
        new ProcessBuilder("named-checkzone", zone, file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("named-checkzone %s %s:%n%s", zone, file, out).isZero();
    assertThat(out).contains("loaded serial");
  }
}
