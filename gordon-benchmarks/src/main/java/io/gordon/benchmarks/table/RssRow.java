package io.gordon.benchmarks.table;

import io.gordon.benchmarks.local.OpenLoopHttp;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rss}: resident memory of a real {@code bin/gordon run} (embedded default, launcher
 * defaults) fed one event per HTTP request at 1,000 events/s (open loop, 64 keep-alive connections,
 * as the http row): the peak (VmHWM) over warm-up and steady load, against the same process's VmRSS
 * when idle just after start.
 */
final class RssRow {
  private RssRow() {}

  static List<Line> run(Sizes s, Path root) throws Exception {
    int rate = 1000;
    try (GordonProcess p = GordonProcess.start(root)) {
      Thread.sleep(1000);
      double idle = p.statusMb("VmRSS");
      int seconds = s.pick(40, 5);
      int[] answers = post(p.httpPort, rate, seconds);
      double steady = p.statusMb("VmRSS");
      if (System.getenv("GORDON_BENCH_NMT") != null) { // with -XX:NativeMemoryTracking=summary
        Process jcmd =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(p.pid()),
                    "VM.native_memory",
                    "summary")
                .redirectErrorStream(true)
                .start();
        jcmd.getInputStream().transferTo(System.err);
        jcmd.waitFor();
      }
      double peak = p.statusMb("VmHWM");
      String note =
          answers[1] > 0 ? " (" + answers[1] + " of " + answers[0] + " requests" + " FAILED)" : "";
      return List.of(
          Line.of(
              String.format(
                  "resident memory (VmHWM), bin/gordon run, %,d events/s for"
                      + " %d s, 1 event/request%s%s",
                  rate, seconds, GordonProcess.optsNote(), note),
              peak,
              idle,
              "VmRSS idle after start",
              "MB",
              Goal.atMost(256, "<= 256 MB")),
          Line.of(
              "resident memory (VmRSS) at the end of that load",
              steady,
              idle,
              "VmRSS idle after start",
              "MB",
              Goal.atMost(256, "<= 256 MB")));
    }
  }

  /** Open loop over 64 keep-alive connections, one event per request: {sent, failed}. */
  private static int[] post(int port, int rate, int seconds) throws Exception {
    OpenLoopHttp.Result r = OpenLoopHttp.run(port, "", 202, rate * seconds, rate, 64, "rss");
    if (r.failures() > 0) {
      System.err.println("rss: " + r.failures() + " requests failed, last: " + r.lastFailure());
    }
    return new int[] {rate * seconds, r.failures()};
  }
}
