package io.gordon.benchmarks.table;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code startup}: launch of {@code bin/gordon run} (embedded default, launcher defaults, its
 * class-data archive already written by bin/bench's first call) to the "gordon started" line,
 * median of several starts; anchor: {@code java -version} on the same JDK, the JVM's own floor.
 */
final class StartupRow {
  private StartupRow() {}

  static List<Line> run(Sizes s, Path root) throws Exception {
    int runs = s.pick(5, 1);
    double[] gordon = new double[runs];
    double[] jvm = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      jvm[i] = javaVersionMillis();
      try (GordonProcess p = GordonProcess.start(root)) {
        gordon[i] = p.readyMillis();
        cpu[i] = p.readyCpuMillis();
      }
    }
    String what =
        "bin/gordon run, embedded default (median of " + runs + ")" + GordonProcess.optsNote();
    return List.of(
        Line.of(
            "start-up to \"gordon started\", " + what,
            median(gordon),
            median(jvm),
            "java -version, same JDK",
            "ms",
            Goal.atMost(1000, "<= 1,000 ms")),
        Line.of(
            "CPU time used until \"gordon started\" (hardly load-dependent), " + what,
            median(cpu),
            Double.NaN,
            "-",
            "ms",
            Goal.none()));
  }

  private static double javaVersionMillis() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t = System.nanoTime();
    Process p =
        new ProcessBuilder(java, "-version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("java -version did not end within 30 s");
    }
    return (System.nanoTime() - t) / 1e6;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
