package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.local.TestContext;
import io.gordon.local.io.AtomicFiles;
import io.gordon.testing.contract.OwnershipContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * local.zonefile passes the publisher contract with ownership; a "foreign writer" edits the file
 * directly (a new file renamed into place, which the provider sees before its next change).
 */
class ZoneFileProviderContractTest extends OwnershipContractTest {
  private Path root;
  private DnsProvider provider;

  @BeforeAll
  void start() throws IOException {
    root = Files.createTempDirectory("zonefile-contract");
    provider =
        (DnsProvider)
            new ZoneFileFactory()
                .create(
                    TestContext.of(
                        "local.zonefile",
                        ZoneFileFactory.SPEC,
                        Map.of("zones", List.of(zone())),
                        Clock.systemUTC(),
                        root));
    provider.start();
  }

  @AfterAll
  void stop() throws IOException {
    provider.shutdown();
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  protected DnsProvider provider() {
    return provider;
  }

  @Override
  protected void writeExternally(RecordSet rrset) {
    Path file = root.resolve("var/zones/" + zone() + "zone");
    try {
      ZoneData data = ZoneFileParser.parse(Files.readString(file), zone(), 300);
      data.put(rrset);
      AtomicFiles.write(file, ZoneFileWriter.write(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
