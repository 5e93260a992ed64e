package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.dns.BindServer;
import io.gordon.testing.dns.ZoneClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/gordon janitor} process against real BIND: reads the zone by TSIG-signed
 * AXFR, writes through the rfc2136 provider with owner markers, one zone per test.
 */
class JanitorBindIT {
  static BindServer bind;
  static ZoneClient hand;
  @TempDir Path dir;

  @BeforeAll
  static void startBind() {
    bind =
        BindServer.start(
            "back.test.",
            "hand.test.",
            "gone.test.",
            "empty.test.",
            "guard.test.",
            "adopt.test.",
            "orig.test.");
    hand = new ZoneClient(bind);
  }

  @AfterAll
  static void stopBind() {
    bind.close();
  }

  private static String rfc2136(String zone) {
    return "[rfc2136]\nserver = \""
        + bind.hostPort()
        + "\"\nzones = [\""
        + zone
        + "\"]\n"
        + "tsig_key_name = \""
        + bind.key().name()
        + "\"\ntsig_secret = \""
        + bind.key().secret()
        + "\"\n";
  }

  /** gordon.toml with an rfc2136 provider and a local.inventory authority for {@code zone}. */
  private void configure(String zone) throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        "[core]\nplugins = [\"rfc2136\"]\n"
            + "[core.logging]\nhandlers = [\"stream\"]\nlevel = \"warning\"\n"
            + "[core.dead_letter]\npath = \"dead-letters.jsonl\"\n"
            + rfc2136(zone)
            + "[janitor]\nplugins = [\"local.inventory\"]\n"
            + "[local.inventory]\npath = \"inventory.json\"\nzones = [\""
            + zone
            + "\"]\n");
  }

  /** Writes the inventory: A records {@code host=ip}. */
  private void inventory(String zone, String... hosts) throws Exception {
    Inventory.write(dir, zone, hosts);
  }

  private Gordon.Result janitor(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("janitor", "-c", dir.toString()));
    all.addAll(List.of(args));
    return Gordon.run(dir, all.toArray(String[]::new));
  }

  @Test
  void aRecordDeletedByHandComesBack() throws Exception {
    configure("back.test.");
    inventory("back.test.", "www=192.0.2.1");
    Gordon.Result first = janitor();
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(hand.at("back.test.", "www.back.test."))
        .containsExactly("www.back.test. A 192.0.2.1");
    assertThat(hand.at("back.test.", "_gordon-a-www.back.test."))
        .containsExactly(
            "_gordon-a-www.back.test. TXT heritage=gordon,owner=gordon,record=www.back.test.,"
                + "type=A,v=1");
    hand.delete("back.test.", "www.back.test.", "A");
    assertThat(hand.at("back.test.", "www.back.test.")).isEmpty();
    Gordon.Result again = janitor();
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("+ addition www.back.test. A ttl 300 192.0.2.1 [applied]");
    assertThat(hand.at("back.test.", "www.back.test."))
        .containsExactly("www.back.test. A 192.0.2.1");
  }

  @Test
  void aHandMadeRecordIsLeftAlone() throws Exception {
    configure("hand.test.");
    hand.add("hand.test.", "mail.hand.test.", "A", 600, "192.0.2.25");
    hand.add("hand.test.", "www.hand.test.", "A", 600, "192.0.2.80");
    inventory("hand.test.", "www=192.0.2.1", "api=192.0.2.2");
    Gordon.Result r = janitor();
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "! www.hand.test./A: left alone, it exists and is owned by"
                + " none (this gordon is 'gordon'); --adopt takes it over");
    assertThat(hand.at("hand.test.", "www.hand.test."))
        .containsExactly("www.hand.test. A 192.0.2.80");
    assertThat(hand.at("hand.test.", "mail.hand.test."))
        .containsExactly("mail.hand.test. A 192.0.2.25");
    assertThat(hand.at("hand.test.", "api.hand.test."))
        .containsExactly("api.hand.test. A 192.0.2.2");
  }

  @Test
  void aRecordNoLongerDesiredLosesItsRecordAndMarker() throws Exception {
    configure("gone.test.");
    inventory("gone.test.", "www=192.0.2.1", "vm-1=192.0.2.11");
    assertThat(janitor().exit()).isZero();
    inventory("gone.test.", "www=192.0.2.1");
    Gordon.Result dry = janitor("--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains(
            "- deletion vm-1.gone.test. A ttl 300 192.0.2.11",
            "dry run, nothing changed: 0 additions, 0 replacements, 1 deletion, 0 adoptions in 1"
                + " zone; status success");
    assertThat(hand.at("gone.test.", "vm-1.gone.test.")).hasSize(1);
    Gordon.Result r = janitor("--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "{\"kind\":\"deletion\",\"name\":\"vm-1.gone.test.\",\"type\":"
                + "\"A\",\"old\":{\"ttl\":300,\"rrdatas\":[\"192.0.2.11\"]},\"state\":\"applied\"}");
    assertThat(hand.at("gone.test.", "vm-1.gone.test.")).isEmpty();
    assertThat(hand.at("gone.test.", "_gordon-a-vm-1.gone.test.")).isEmpty();
    assertThat(hand.at("gone.test.", "www.gone.test.")).hasSize(1);
  }

  @Test
  void anEmptyAuthorityDeletesNothing() throws Exception {
    configure("empty.test.");
    inventory("empty.test.", "www=192.0.2.1");
    assertThat(janitor().exit()).isZero();
    inventory("empty.test.");
    Gordon.Result r = janitor();
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "! the authority lists no records in empty.test.; refusing to"
                + " delete every record, no deletions");
    assertThat(hand.at("empty.test.", "www.empty.test.")).hasSize(1);
  }

  @Test
  void theGuardTripsAtItsThresholdAndForcePassesIt() throws Exception {
    configure("guard.test.");
    String[] ten = new String[10];
    for (int i = 0; i < 10; i++) {
      ten[i] = "h" + i + "=192.0.2." + (i + 1);
    }
    inventory("guard.test.", ten);
    assertThat(janitor().exit()).isZero();
    inventory("guard.test.", List.of(ten).subList(0, 6).toArray(String[]::new));
    Gordon.Result tripped = janitor();
    assertThat(tripped.exit()).isEqualTo(3);
    assertThat(tripped.err())
        .contains(
            "gordon janitor: deletion guard tripped for zone"
                + " guard.test.: 4 of 10 owned record sets (40.0%) would be deleted, above"
                + " delete_threshold 30.0% (min_records 10); no deletions were made in this zone"
                + " (gordon janitor --dry-run --force lists them; --force overrides once)");
    assertThat(hand.at("guard.test.", "h9.guard.test.")).hasSize(1);
    Gordon.Result forced = janitor("--force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(hand.at("guard.test.", "h9.guard.test.")).isEmpty();
    assertThat(hand.at("guard.test.", "h5.guard.test.")).hasSize(1);
  }

  @Test
  void adoptTakesOverOnlyWhatTheAuthorityNames() throws Exception {
    configure("adopt.test.");
    hand.add("adopt.test.", "www.adopt.test.", "A", 300, "192.0.2.1");
    hand.add("adopt.test.", "other.adopt.test.", "A", 300, "192.0.2.99");
    inventory("adopt.test.", "www=192.0.2.1");
    Gordon.Result r = janitor("--adopt");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out())
        .contains(
            "= adoption www.adopt.test. A ttl 300 192.0.2.1 -> ttl 300" + " 192.0.2.1 [applied]");
    assertThat(hand.at("adopt.test.", "_gordon-a-www.adopt.test.")).hasSize(1);
    assertThat(hand.at("adopt.test.", "_gordon-a-other.adopt.test.")).isEmpty();
    inventory("adopt.test.", "new=192.0.2.2");
    assertThat(janitor().exit()).isZero();
    assertThat(hand.at("adopt.test.", "www.adopt.test.")).isEmpty();
    assertThat(hand.at("adopt.test.", "other.adopt.test."))
        .containsExactly("other.adopt.test. A 192.0.2.99");
  }

  @Test
  void theOriginalsJanitorFileNamesTheJanitorsPlugins() throws Exception {
    Files.writeString(
        dir.resolve("gordon-janitor.toml"),
        "[core]\n"
            + "plugins = [\"local.inventory\", \"rfc2136\"]\n[core.logging]\nhandlers ="
            + " [\"stream\"]\n[core.dead_letter]\npath = \"dead-letters.jsonl\"\n"
            + rfc2136("orig.test.")
            + "[local.inventory]\npath = \"inventory.json\"\nzones = [\"orig.test.\"]\n");
    Files.writeString(dir.resolve("gordon.toml"), "this file is not read");
    inventory("orig.test.", "www=192.0.2.1");
    Gordon.Result r = janitor();
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(hand.at("orig.test.", "www.orig.test.")).hasSize(1);
  }
}
