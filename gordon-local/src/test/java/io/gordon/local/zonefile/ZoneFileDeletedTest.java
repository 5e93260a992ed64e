package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zone file deleted while gordon runs (by mistake, a cleanup job): acceptance pass 4 found gordon
 * creating a new, empty zone in its place, losing every acknowledged record and sending the SOA
 * serial back, so that secondaries stopped following the zone.
 */
class ZoneFileDeletedTest {
  private static final Pattern SERIAL = Pattern.compile("IN SOA \\S+ \\S+ (\\d+) ");
  @TempDir Path root;
  private DnsProvider provider;
  private Path file;

  @BeforeEach
  void start() {
    var context =
        new RecordingHealthContext(ZoneFileSafetyTest.CONFIG, ZoneFileSafetyTest.CLOCK, root);
    provider = (DnsProvider) new ZoneFileFactory().create(context);
    provider.start();
    file = root.resolve("var/zones/example.com.zone");
  }

  @AfterEach
  void stop() {
    provider.shutdown();
  }

  private ChangeResult add(String name, String ip) {
    return provider
        .apply(List.of(new Change.Replace(RecordSet.of(name, RecordType.A, 300, ip))))
        .get(0);
  }

  private long serial() throws Exception {
    Matcher m = SERIAL.matcher(Files.readString(file));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void aZoneFileDeletedWhileGordonRunsIsWrittenAgainWithEveryRecordAndAHigherSerial()
      throws Exception {
    add("a.example.com.", "192.0.2.1");
    add("b.example.com.", "192.0.2.2");
    long before = serial();
    Files.delete(file);

    assertThat(add("c.example.com.", "192.0.2.3")).isInstanceOf(ChangeResult.Applied.class);

    assertThat(Files.readString(file))
        .contains("a.example.com. 300 IN A 192.0.2.1\n")
        .contains("b.example.com. 300 IN A 192.0.2.2\n")
        .contains("c.example.com. 300 IN A 192.0.2.3\n");
    assertThat(serial()).isGreaterThan(before);
  }
}
