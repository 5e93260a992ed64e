package io.gordon.local.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.PermanentException;
import io.gordon.api.janitor.Authority;
import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.janitor.Observation;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.testing.fakes.FakePluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryAuthorityTest {
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  @TempDir Path dir;

  private Authority authority(String path, String... zones) {
    return (Authority)
        new InventoryFactory()
            .create(
                FakePluginContext.of(
                    "local.inventory",
                    InventoryFactory.SPEC,
                    Map.of("path", path, "zones", List.of(zones)),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    dir,
                    null));
  }

  @Test
  void readsOneFileIntoItsZonesWithTheObservationTime() throws Exception {
    Files.writeString(
        dir.resolve("inv.json"),
        """
        [{"name": "www.example.com.", "type": "A", "ttl": 300, "rrdatas": ["192.0.2.1"]},
         {"name": "Mail.Example.com", "type": "mx", "rrdatas": ["10 mx.example.com."]},
         {"name": "a.example.org.", "type": "AAAA", "rrdatas": ["2001:DB8::1"]}]""");
    Observation o = authority("inv.json", "example.com.", "example.org.").observe();
    assertThat(o.observedAt()).isEqualTo(NOW);
    assertThat(o.zones())
        .containsExactly(
            DesiredZone.complete(
                "example.com.",
                List.of(
                    RecordSet.of("www.example.com.", RecordType.A, 300, "192.0.2.1"),
                    RecordSet.of(
                        "mail.example.com.", RecordType.MX, List.of("10 mx.example.com.")))),
            DesiredZone.complete(
                "example.org.",
                List.of(RecordSet.of("a.example.org.", RecordType.AAAA, List.of("2001:db8::1")))));
  }

  @Test
  void readsEveryJsonFileOfADirectoryAgainOnEachRun() throws Exception {
    Path inv = Files.createDirectory(dir.resolve("inv"));
    Files.writeString(
        inv.resolve("a.json"),
        "[{\"name\": \"a.example.com.\", \"type\": \"A\", \"rrdatas\": [\"192.0.2.1\"]}]");
    Files.writeString(inv.resolve("notes.txt"), "not read");
    Authority a = authority("inv", "example.com.");
    assertThat(a.observe().zones().get(0).records()).hasSize(1);
    Files.writeString(
        inv.resolve("b.json"),
        "[{\"name\": \"b.example.com.\", \"type\": \"A\", \"rrdatas\": [\"192.0.2.2\"]}]");
    assertThat(a.observe().zones().get(0).records())
        .extracting(RecordSet::name)
        .containsExactly("a.example.com.", "b.example.com.");
  }

  @Test
  void anEmptyInventoryCoversItsZonesWithNoRecords() throws Exception {
    Files.writeString(dir.resolve("inv.json"), "[]");
    assertThat(authority("inv.json", "example.com.").observe().zones())
        .containsExactly(DesiredZone.complete("example.com.", List.of()));
  }

  @Test
  void everyBadEntryIsNamedByFileAndIndex() throws Exception {
    Path f = dir.resolve("inv.json");
    Files.writeString(
        f,
        """
        [{"name": "www.example.com.", "type": "A", "rrdatas": ["192.0.2.300"]},
         {"name": "x.example.net.", "type": "A", "rrdatas": ["192.0.2.1"]},
         {"type": "A", "rrdatas": ["192.0.2.1"]},
         {"name": "y.example.com.", "type": "A", "ttl": -1, "rrdatas": []},
         {"name": "z.example.com.", "type": "SPF", "rrdatas": ["x"]},
         {"name": "www.example.com.", "type": "A", "rrdatas": ["192.0.2.1"]},
         {"name": "www.example.com.", "type": "A", "rrdatas": ["192.0.2.2"]}]""");
    assertThatThrownBy(() -> authority("inv.json", "example.com.").observe())
        .isInstanceOf(PermanentException.class)
        .hasMessage(
            "local.inventory: 7 problems in "
                + f
                + "; nothing is reconciled:\n  "
                + f
                + ": [0]: A rdata \"192.0.2.300\" is not an IPv4 address (expected four numbers"
                + " 0-255, e.g. 192.0.2.1)\n  "
                + f
                + ": [2].name: missing (expected e.g. {\"name\": \"www.example.com.\", \"type\":"
                + " \"A\", \"ttl\": 300, \"rrdatas\": [\"192.0.2.1\"]})\n  "
                + f
                + ": [3].ttl: -1 is not a TTL (expected an integer 0..2147483647, or no ttl for"
                + " the provider's default)\n  "
                + f
                + ": [3].rrdatas: [] is not a non-empty array (expected e.g. [\"192.0.2.1\"])\n  "
                + f
                + ": [4].type: unsupported record type \"SPF\" (expected one of A, AAAA, CNAME,"
                + " MX, NS, PTR, SRV, TXT, CAA)\n  "
                + f
                + ": [1]: x.example.net. is outside the zones of local.inventory (expected a"
                + " name in example.com.)\n  "
                + f
                + ": [6]: www.example.com./A is already listed at "
                + f
                + ": [5] (expected each"
                + " name and type once)");
  }

  @Test
  void aFileThatIsNotJsonNamesItsPosition() throws Exception {
    Path f = dir.resolve("inv.json");
    Files.writeString(f, "[\n  {\"name\": }\n]");
    assertThatThrownBy(() -> authority("inv.json", "example.com.").observe())
        .hasMessageStartingWith(
            "local.inventory: 1 problem in "
                + f
                + "; nothing is reconciled:\n  "
                + f
                + ":2:12: not JSON: ");
  }

  @Test
  void aMissingPathFailsTheObservation() {
    Path f = dir.resolve("nope.json");
    assertThatThrownBy(() -> authority("nope.json", "example.com.").observe())
        .hasMessage(
            "local.inventory: 1 problem in "
                + f
                + "; nothing is reconciled:\n  "
                + f
                + ": no such file or directory (expected a JSON file or a directory of *.json"
                + " files)");
  }
}
