package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.ProviderException;
import io.gordon.api.io.LockedException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What keeps a zone file loadable and its writer single: glue checks, the lock, the cache. */
class ZoneFileSafetyTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  static final Map<String, Object> CONFIG = Map.of("zones", List.of("example.com."));
  @TempDir Path root;
  RecordingHealthContext context;
  DnsProvider provider;
  Path file;

  @BeforeEach
  void start() {
    context = new RecordingHealthContext(CONFIG, CLOCK, root);
    provider = (DnsProvider) new ZoneFileFactory().create(context);
    provider.start();
    file = root.resolve("var/zones/example.com.zone");
  }

  @AfterEach
  void stop() {
    provider.shutdown();
  }

  ChangeResult apply(Change c) {
    return provider.apply(List.of(c)).get(0);
  }

  @Test
  void deletingTheOnlyAddressOfTheApexNameServerIsRefusedAndTheFileKept() throws Exception {
    String before = Files.readString(file);
    ChangeResult r =
        apply(new Change.Remove(RecordSet.of("ns1.example.com.", RecordType.A, List.of())));
    assertThat(((ChangeResult.Failed) r).error())
        .isInstanceOf(ProviderException.class)
        .hasMessage(
            "local.zonefile: ns1.example.com./A not changed: the name server"
                + " ns1.example.com. of example.com. (apex NS) would have no address (A or AAAA);"
                + " named-checkzone refuses such a zone");
    assertThat(((ProviderException) ((ChangeResult.Failed) r).error()).retriable()).isFalse();
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(provider.read("ns1.example.com.", RecordType.A)).isPresent();
  }

  @Test
  void theApexNameServerMayMoveFromOneAddressTypeToAnotherInOneBatch() {
    List<ChangeResult> r =
        provider.apply(
            List.of(
                new Change.Replace(RecordSet.of("ns1.example.com.", RecordType.AAAA, 300, "::1")),
                new Change.Remove(RecordSet.of("ns1.example.com.", RecordType.A, List.of()))));
    assertThat(r).allMatch(ChangeResult.Applied.class::isInstance);
    assertThat(provider.read("ns1.example.com.", RecordType.A)).isEmpty();
  }

  @Test
  void aCnameAtTheApexNameServerIsRefused() {
    provider.apply(
        List.of(new Change.Remove(RecordSet.of("ns1.example.com.", RecordType.A, List.of()))));
    // the A stays (refused above); a CNAME there is refused as other data at the name
    ChangeResult r =
        apply(
            new Change.Replace(
                RecordSet.of("ns1.example.com.", RecordType.CNAME, 300, "www.example.com.")));
    assertThat(r).isInstanceOf(ChangeResult.Failed.class);
  }

  @Test
  void aSecondProviderOnTheSameZoneFileIsRefusedAtStartNamingTheFileAndPid() {
    DnsProvider second =
        (DnsProvider) new ZoneFileFactory().create(new RecordingHealthContext(CONFIG, CLOCK, root));
    assertThatThrownBy(second::start)
        .isInstanceOf(LockedException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("pid " + ProcessHandle.current().pid());
    provider.shutdown();
    DnsProvider third =
        (DnsProvider) new ZoneFileFactory().create(new RecordingHealthContext(CONFIG, CLOCK, root));
    third.start();
    third.shutdown();
  }

  @Test
  void anEditByAnotherProgramIsSeenBeforeTheNextChange() throws Exception {
    apply(new Change.Replace(RecordSet.of("a.example.com.", RecordType.A, 300, "192.0.2.1")));
    String text = Files.readString(file);
    // same size, written in place (same inode): only the modification time tells
    Files.writeString(file, text.replace("192.0.2.1", "192.0.2.2"));
    Files.setLastModifiedTime(
        file, java.nio.file.attribute.FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(provider.read("a.example.com.", RecordType.A).orElseThrow().rdata())
        .containsExactly("192.0.2.2");
    apply(new Change.Replace(RecordSet.of("b.example.com.", RecordType.A, 300, "192.0.2.3")));
    assertThat(Files.readString(file))
        .contains("a.example.com. 300 IN A 192.0.2.2\n")
        .contains("b.example.com. 300 IN A 192.0.2.3\n");
  }

  @Test
  void aFileThatCannotBeReadFailsRetriablyNamingThePathAndReasonAndReportsNotReady()
      throws Exception {
    Files.delete(file);
    Files.createDirectory(file); // reading it fails with EISDIR
    ChangeResult r =
        apply(new Change.Replace(RecordSet.of("a.example.com.", RecordType.A, 300, "192.0.2.1")));
    ProviderException e = (ProviderException) ((ChangeResult.Failed) r).error();
    assertThat(e.retriable()).isTrue();
    assertThat(e)
        .hasMessage(
            "local.zonefile: cannot read "
                + file
                + ": Is a directory"
                + " (nothing was written; gordon retries)");
    assertThat(context.last()).isEqualTo(e.getMessage());
    Files.delete(file);
    assertThat(
            apply(
                new Change.Replace(RecordSet.of("a.example.com.", RecordType.A, 300, "192.0.2.1"))))
        .isInstanceOf(ChangeResult.Applied.class);
    assertThat(context.last()).isEqualTo("ok");
  }

  @Test
  void aHandEditedFileWhoseNameServerHasNoAddressIsNotWrittenAndChangesAreRetried()
      throws Exception {
    Files.writeString(
        file, Files.readString(file).replace("ns1.example.com. 300 IN A 127.0.0.1\n", ""));
    String before = Files.readString(file);
    ChangeResult r =
        apply(new Change.Replace(RecordSet.of("a.example.com.", RecordType.A, 300, "192.0.2.1")));
    ProviderException e = (ProviderException) ((ChangeResult.Failed) r).error();
    assertThat(e.retriable()).isTrue();
    assertThat(e)
        .hasMessage(
            "local.zonefile: "
                + file
                + " not written: the name server"
                + " ns1.example.com. of example.com. (apex NS) would have no address (A or AAAA);"
                + " named-checkzone refuses such a zone (fix the file; gordon retries)");
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(
            provider.apply(
                List.of(
                    new Change.Replace(
                        RecordSet.of("ns1.example.com.", RecordType.A, 300, "192.0.2.53")),
                    new Change.Replace(
                        RecordSet.of("a.example.com.", RecordType.A, 300, "192.0.2.1")))))
        .allMatch(ChangeResult.Applied.class::isInstance);
  }
}
