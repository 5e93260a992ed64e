package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.local.TestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the provider writes load in BIND's own checker (bin/test installs bind9-utils). */
class NamedCheckzoneIT {
  @TempDir Path root;

  @Test
  void everyManagedTypeProducesAFileThatNamedCheckzoneLoads() throws Exception {
    DnsProvider p =
        (DnsProvider)
            new ZoneFileFactory()
                .create(
                    TestContext.of(
                        "local.zonefile",
                        ZoneFileFactory.SPEC,
                        Map.of("zones", List.of("example.com.")),
                        Clock.systemUTC(),
                        root));
    p.start();
    p.apply(
        List.of(
            new Change.Replace(RecordSet.of("www.example.com.", RecordType.A, 300, "192.0.2.1")),
            new Change.Replace(
                RecordSet.of("www.example.com.", RecordType.AAAA, 300, "2001:db8::1")),
            new Change.Replace(
                RecordSet.of("alias.example.com.", RecordType.CNAME, 300, "www.example.com.")),
            new Change.Replace(
                RecordSet.of("example.com.", RecordType.MX, 300, "10 www.example.com.")),
            new Change.Replace(
                RecordSet.of("sub.example.com.", RecordType.NS, 300, "ns.example.net.")),
            new Change.Replace(
                RecordSet.of("1.example.com.", RecordType.PTR, 300, "www.example.com.")),
            new Change.Replace(
                RecordSet.of(
                    "_x._tcp.example.com.", RecordType.SRV, 300, "1 2 443 www.example.com.")),
            new Change.Replace(
                RecordSet.of(
                    "t.example.com.",
                    RecordType.TXT,
                    300,
                    "\"say \\\"hi\\\"; ok\" \"two\"",
                    "caf\u00e9")),
            new Change.Replace(
                RecordSet.of("example.com.", RecordType.CAA, 300, "0 issue \"letsencrypt.org\"")),
            // claimed changes: owner markers beside a CNAME, a wildcard, a hashed long label
            new Change.Replace(
                    RecordSet.of("owned.example.com.", RecordType.CNAME, 300, "www.example.com."))
                .withOwnership(Ownership.of("gordon")),
            new Change.Replace(RecordSet.of("*.example.com.", RecordType.A, 300, "192.0.2.9"))
                .withOwnership(Ownership.of("gordon")),
            new Change.Replace(
                    RecordSet.of("l".repeat(60) + ".example.com.", RecordType.A, 300, "192.0.2.9"))
                .withOwnership(Ownership.of("gordon")),
            new Change.Replace(RecordSet.of("example.com.", RecordType.TXT, 300, "\"v=spf1 -all\""))
                .withOwnership(Ownership.of("gordon"))));
    p.shutdown();
    Path file = root.resolve("var/zones/example.com.zone");
    assertThat(Files.readString(file))
        .contains(
            "_gordon-cname-owned.example.com. 300 IN TXT"
                + " \"heritage=gordon,owner=gordon,record=owned.example.com.,type=CNAME,v=1\"\n")
        .contains("_gordon-txt.example.com. 300 IN TXT")
        .contains("_gordon-a-h");
    Process proc =
        new ProcessBuilder("named-checkzone", "example.com", file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(proc.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.exitValue()).as(out).isZero();
    assertThat(out).contains("loaded serial").endsWith("OK\n");
  }
}
