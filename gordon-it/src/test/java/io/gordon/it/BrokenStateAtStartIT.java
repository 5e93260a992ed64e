package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/gordon run} on a zone file that a hand edit broke: it refuses to start, and
 * its message tells the operator what to do about a service that has exited (a running gordon
 * retries the same failure, and says so).
 */
class BrokenStateAtStartIT {
  @TempDir Path dir;

  @Test
  void aBrokenZoneFileAtStartSaysToStartAgainNotThatGordonRetries() throws Exception {
    Configs.embeddedDefault(dir);
    Path zone = Files.createDirectories(dir.resolve("var/zones")).resolve("example.com.zone");
    Files.writeString(
        zone,
        """
        $ORIGIN example.com.
        @ 300 IN SOA ns1 hostmaster 1 3600 600 86400 300
        @ 300 IN NS ns1
        ns1 300 IN A 192.0.2.1
        www 99x IN A 192.0.2.2
        """);
    ProcessBuilder pb =
        new ProcessBuilder(
                GordonProcess.REPO.resolve("bin/gordon").toString(), "run", "-c", dir.toString())
            .redirectErrorStream(true);
    pb.environment().put("GORDON_NO_BUILD", "1");
    Process gordon = pb.start();
    String out = new String(gordon.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gordon.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();

    assertThat(gordon.exitValue()).as(out).isEqualTo(1);
    assertThat(out)
        .contains(
            "gordon run: failed: plugin local.zonefile failed to start: local.zonefile: "
                + zone.toRealPath()
                + " line 5: \"99x\" is not a record type (expected a type such as A, AAAA, MX,"
                + " SSHFP, or TYPE<number> for a type without a name)"
                + " (fix the file, then start gordon again)")
        .doesNotContain("gordon retries");
  }
}
