package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.ConflictException;
import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.local.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneFileProviderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  @TempDir Path root;
  DnsProvider provider;
  Path file;

  @BeforeEach
  void start() {
    provider = create(Map.of("zones", List.of("example.com.", "sub.example.com")));
    provider.start();
    file = root.resolve("var/zones/example.com.zone");
  }

  DnsProvider create(Map<String, Object> values) {
    return (DnsProvider)
        new ZoneFileFactory()
            .create(TestContext.of("local.zonefile", ZoneFileFactory.SPEC, values, CLOCK, root));
  }

  static Change.Replace replace(String name, RecordType type, int ttl, String... rdata) {
    return new Change.Replace(RecordSet.of(name, type, ttl, rdata));
  }

  @Test
  void startCreatesEachZoneWithSoaNsAndTheServersAddress() throws Exception {
    assertThat(Files.readString(file))
        .endsWith(
            "$ORIGIN example.com.\n$TTL 300\n"
                + "example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2026112500 3600 600"
                + " 604800 300\n"
                + "example.com. 3600 IN NS ns1.example.com.\n"
                + "ns1.example.com. 300 IN A 127.0.0.1\n");
    assertThat(root.resolve("var/zones/sub.example.com.zone")).exists();
    assertThat(provider.zones()).containsExactly("example.com.", "sub.example.com.");
  }

  @Test
  void anAdditionBecomesOneLineAndTheSerialIncreases() throws Exception {
    assertThat(
            provider.apply(List.of(replace("www.example.com.", RecordType.A, 600, "192.0.2.10"))))
        .singleElement()
        .isInstanceOf(ChangeResult.Applied.class);
    String text = Files.readString(file);
    assertThat(text)
        .contains("\nwww.example.com. 600 IN A 192.0.2.10\n")
        .contains(" 2026112501 3600 600 604800 300\n");
  }

  @Test
  void aBatchForOneZoneIsWrittenInOnePass() throws Exception {
    List<Change> batch =
        List.of(
            replace("a.example.com.", RecordType.A, 300, "192.0.2.1"),
            replace("b.example.com.", RecordType.TXT, 300, "\"hi there\""),
            new Change.Remove(RecordSet.of("a.example.com.", RecordType.A, List.of())),
            replace("c.sub.example.com.", RecordType.AAAA, 300, "2001:db8::1"));
    assertThat(provider.apply(batch))
        .extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Applied", "Applied", "Applied", "Applied");
    assertThat(Files.readString(file))
        .contains(" 2026112501 ")
        .doesNotContain("a.example.com.")
        .contains("b.example.com. 300 IN TXT \"hi there\"");
    assertThat(Files.readString(root.resolve("var/zones/sub.example.com.zone")))
        .contains("c.sub.example.com. 300 IN AAAA 2001:db8::1");
  }

  @Test
  void recordsWithoutTtlGetTheDefault() {
    provider.apply(
        List.of(
            new Change.Replace(
                RecordSet.of("d.example.com.", RecordType.A, List.of("192.0.2.4")))));
    assertThat(provider.read("d.example.com.", RecordType.A).orElseThrow().ttl()).hasValue(300);
  }

  @Test
  void removingWhatIsAbsentIsUnchanged() {
    ChangeResult r =
        provider
            .apply(
                List.of(new Change.Remove(RecordSet.of("x.example.com.", RecordType.A, List.of()))))
            .get(0);
    assertThat(r)
        .isEqualTo(new ChangeResult.Unchanged(r.change(), "x.example.com./A does not exist"));
  }

  @Test
  void namesOutsideTheZonesFailPermanentlyAlone() {
    List<ChangeResult> r =
        provider.apply(
            List.of(
                replace("www.example.org.", RecordType.A, 300, "192.0.2.1"),
                replace("ok.example.com.", RecordType.A, 300, "192.0.2.1")));
    assertThat(((ChangeResult.Failed) r.get(0)).error())
        .isInstanceOf(PermanentException.class)
        .hasMessage(
            "local.zonefile: www.example.org. is outside the managed zones"
                + " [example.com., sub.example.com.] (expected a name in one of them)");
    assertThat(r.get(1)).isInstanceOf(ChangeResult.Applied.class);
  }

  @Test
  void apexNsIsRefused() {
    ChangeResult r =
        provider
            .apply(List.of(replace("example.com.", RecordType.NS, 300, "evil.example.net.")))
            .get(0);
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(ProviderException.class)
        .hasMessage(
            "local.zonefile: NS at the zone apex example.com. is refused: gordon never"
                + " edits the apex NS records (edit the zone file while gordon is stopped)");
  }

  @Test
  void aCnameExcludesOtherData() {
    provider.apply(List.of(replace("h.example.com.", RecordType.A, 300, "192.0.2.1")));
    ChangeResult r =
        provider
            .apply(List.of(replace("h.example.com.", RecordType.CNAME, 300, "t.example.com.")))
            .get(0);
    assertThat(((ChangeResult.Failed) r).error())
        .hasMessage(
            "local.zonefile: cannot add a"
                + " CNAME at h.example.com.: the name already holds A (a CNAME excludes all other data"
                + " at its name)");
    provider.apply(List.of(replace("c.example.com.", RecordType.CNAME, 300, "t.example.com.")));
    r = provider.apply(List.of(replace("c.example.com.", RecordType.TXT, 300, "x"))).get(0);
    assertThat(((ChangeResult.Failed) r).error())
        .hasMessage(
            "local.zonefile: cannot add TXT at"
                + " c.example.com.: the name holds a CNAME (a CNAME excludes all other data at its"
                + " name)");
  }

  @Test
  void compareAndSwapNamesExpectedAndFound() {
    provider.apply(List.of(replace("cas.example.com.", RecordType.A, 300, "192.0.2.2")));
    ChangeResult r =
        provider
            .apply(
                List.of(
                    new Change.Replace(
                        RecordSet.of("cas.example.com.", RecordType.A, 300, "192.0.2.3"),
                        Optional.of(List.of("192.0.2.1")))))
            .get(0);
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "compare-and-swap on cas.example.com./A expected [192.0.2.1] but found"
                + " [192.0.2.2]");
  }

  @Test
  void aHandEditedFileIsReadAndItsOtherRecordsAreKept() throws Exception {
    Files.writeString(
        file,
        """
        $TTL 1h
        $ORIGIN example.com.
        @   IN SOA ns1 hostmaster ( 7 ; serial
                3600 600 1w 300 )
            IN NS ns1
        ns1     A 127.0.0.1
        www 120 IN A 192.0.2.1 ; web
                A 192.0.2.2
        mail    MX 10 mx1
        txt     TXT "a; b" two
        _sip._tcp SRV 0 5 5060 sip
        key     SSHFP 1 1 123456789abcdef67890123456789abcdef67890
        """);
    assertThat(provider.read("www.example.com.", RecordType.A))
        .contains(RecordSet.of("www.example.com.", RecordType.A, 120, "192.0.2.1", "192.0.2.2"));
    assertThat(provider.list("example.com."))
        .extracting(RecordSet::key)
        .containsExactly(
            "_sip._tcp.example.com./SRV",
            "mail.example.com./MX",
            "ns1.example.com./A",
            "txt.example.com./TXT",
            "www.example.com./A");
    assertThat(provider.read("txt.example.com.", RecordType.TXT).orElseThrow().rdata())
        .containsExactly("\"a; b\" \"two\"");
    provider.apply(List.of(replace("new.example.com.", RecordType.A, 300, "192.0.2.9")));
    String text = Files.readString(file);
    assertThat(text)
        .contains(
            "example.com. 3600 IN SOA ns1.example.com."
                + " hostmaster.example.com. 2026112500 3600 600 604800 300\n")
        .contains("key.example.com. 3600 IN SSHFP 1 1 123456789abcdef67890123456789abcdef67890\n")
        .contains("mail.example.com. 3600 IN MX 10 mx1.example.com.\n");
  }

  @Test
  void aBrokenFileFailsChangesRetriablyNamingTheLine() throws Exception {
    Files.writeString(file, "$INCLUDE other.zone\n");
    ChangeResult r =
        provider.apply(List.of(replace("a.example.com.", RecordType.A, 300, "192.0.2.1"))).get(0);
    ProviderException e = (ProviderException) ((ChangeResult.Failed) r).error();
    assertThat(e.retriable()).isTrue();
    assertThat(e)
        .hasMessage(
            "local.zonefile: "
                + file
                + " line 1: $INCLUDE is not supported"
                + " (expected $ORIGIN or $TTL) (fix the file; gordon retries)");
  }
}
