package io.gordon.benchmarks.rfc2136;

import io.gordon.testing.dns.DnsTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code nsupdate} adding {@code n} A records, {@code perMessage} per UPDATE message, in one
 * of the {@link Shape}s: bare additions, or the messages gordon sends.
 */
final class NsupdateRun {
  private NsupdateRun() {}

  /** What each record's part of an UPDATE message holds. */
  enum Shape {
    /** {@code update add}: nothing else. */
    PLAIN,
    /** gordon's unclaimed replacement: {@code prereq nxrrset NAME CNAME}, delete, add. */
    SAFE,
    /**
     * gordon's claimed replacement of a new name (the default through the core): prerequisites
     * {@code nxrrset} on NAME CNAME, on the marker's TXT and on NAME A, then the record and its
     * owner marker added.
     */
    CLAIMED,
    /** CLAIMED's three prerequisites and the record, no marker: what the prerequisites cost. */
    PREREQUISITES,
    /** The record and its owner marker, no prerequisites: what the marker RR costs. */
    MARKER,
    /** The record and the marker's TXT at the record's own name: a separate node or not. */
    TXT_SAME_NAME,
    /** The record and an AAAA at the same name: a second RR of 16 octets instead of the TXT. */
    AAAA_SAME_NAME;

    boolean prerequisites() {
      return this == CLAIMED || this == PREREQUISITES;
    }
  }

  /** Returns the elapsed nanoseconds. */
  static long run(DnsTestServer server, String prefix, int n, int perMessage, Shape shape)
      throws IOException, InterruptedException {
    String zone = server.zones().get(0);
    StringBuilder script = new StringBuilder();
    script.append("server 127.0.0.1 ").append(server.port()).append('\n');
    script.append("zone ").append(zone).append('\n');
    for (int i = 0; i < n; i++) {
      String name = Workload.name(prefix, i, zone);
      String marker = "_gordon-a-" + prefix + i + "." + zone;
      String text =
          "\"heritage=gordon,owner=" + Rfc2136Benchmark.OWNER + ",record=" + name + ",type=A,v=1\"";
      if (shape == Shape.SAFE || shape.prerequisites()) {
        script.append("prereq nxrrset ").append(name).append(" CNAME\n");
      }
      if (shape == Shape.SAFE) {
        script.append("update delete ").append(name).append(" A\n");
      } else if (shape.prerequisites()) {
        script.append("prereq nxrrset ").append(marker).append(" TXT\n");
        script.append("prereq nxrrset ").append(name).append(" A\n");
      }
      script
          .append("update add ")
          .append(name)
          .append(" 300 A ")
          .append(Workload.address(i))
          .append('\n');
      switch (shape) {
        case CLAIMED, MARKER ->
            script.append("update add ").append(marker).append(" 300 TXT ").append(text);
        case TXT_SAME_NAME ->
            script.append("update add ").append(name).append(" 300 TXT ").append(text);
        case AAAA_SAME_NAME ->
            script
                .append("update add ")
                .append(name)
                .append(" 300 AAAA ::")
                .append(Integer.toHexString(i & 0xFFFF));
        default -> {}
      }
      if (script.charAt(script.length() - 1) != '\n') {
        script.append('\n');
      }
      if ((i + 1) % perMessage == 0 || i == n - 1) {
        script.append("send\n");
      }
    }
    Path file = Files.createTempFile("gordon-nsupdate-", ".txt");
    Files.writeString(file, script);
    Path log = Files.createTempFile("gordon-nsupdate-", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(nsupdate(), "-y", server.key().inlineArgument(), file.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      long start = System.nanoTime();
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("nsupdate did not finish within 10 minutes");
      }
      long elapsed = System.nanoTime() - start;
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "nsupdate exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      return elapsed;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(log);
    }
  }

  private static String nsupdate() {
    for (String dir : new String[] {"/usr/bin", "/usr/local/bin", "/usr/sbin"}) {
      if (Files.isExecutable(Path.of(dir, "nsupdate"))) {
        return dir + "/nsupdate";
      }
    }
    throw new IllegalStateException(
        "nsupdate not found: install bind9-dnsutils" + " (bin/install-test-deps does)");
  }
}
