package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.config.TestToml;
import io.gordon.testing.dns.BindServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import picocli.CommandLine;

/**
 * Ownership end to end: {@code gordon apply} with the rfc2136 provider against a real BIND, the
 * provider wrapped by the core as in {@code gordon run}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnershipBindIT {
  private BindServer bind;
  @TempDir Path dir;

  @BeforeAll
  void start() {
    bind = BindServer.start("example.test.");
  }

  @AfterAll
  void stop() {
    bind.close();
  }

  private Path config(String name, String ownership) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(
        d.resolve("gordon.toml"),
        TestToml.plugins("local.http", "rfc2136")
            .level("warning")
            .tables("[core.ownership]\n" + ownership + "\n[local.http]\nlisten = \"127.0.0.1:0\"")
            .rfc2136(bind, List.of("example.test."), "")
            .text());
    return d;
  }

  /** Runs {@code gordon apply} and returns its JSON lines. */
  private List<String> apply(Path config, String... events) throws IOException {
    Path file =
        Files.writeString(
            config.resolve("events-" + System.nanoTime() + ".jsonl"), String.join("\n", events));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    new CommandLine(new ApplyCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute("-c", config.toString(), file.toString());
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).as("stdout %s, stderr %s", out, err).hasSize(events.length);
    return lines;
  }

  private static String event(String id, String action, String name, String... rdata) {
    String data = rdata.length == 0 ? "" : ",\"rrdatas\":[\"" + String.join("\",\"", rdata) + "\"]";
    return "{\"id\":\""
        + id
        + "\",\"action\":\""
        + action
        + "\",\"resourceRecords\":"
        + "{\"name\":\""
        + name
        + "\",\"type\":\"A\""
        + data
        + "}}";
  }

  /** The A rdata at {@code name} as BIND serves them. */
  private TreeSet<String> live(String name, int type) throws IOException {
    Lookup lookup = new Lookup(name, type);
    lookup.setResolver(new SimpleResolver(bind.address()));
    lookup.setCache(null);
    Record[] records = lookup.run();
    TreeSet<String> out = new TreeSet<>();
    if (records != null) {
      for (Record r : records) {
        out.add(r.rdataToString());
      }
    }
    return out;
  }

  @Test
  void eventAgainstAnUnownedRecordIsDeadLetteredAndBindIsUnchanged() throws Exception {
    Path legacy = config("legacy", "enabled = false");
    Path owned = config("owned", "owner_id = \"gordon\"");
    assertThat(apply(legacy, event("l1", "additions", "hand.example.test.", "192.0.2.7")).get(0))
        .contains("\"outcome\":\"applied\"");
    List<String> out =
        apply(
            owned,
            event("o1", "additions", "hand.example.test.", "192.0.2.1"),
            event("o2", "deletions", "hand.example.test."));
    for (String line : out) {
      assertThat(line)
          .contains(
              "\"outcome\":\"dead-lettered\"",
              "hand.example.test. A exists and"
                  + " is owned by none (this gordon is 'gordon'); not changed");
    }
    assertThat(live("hand.example.test.", Type.A)).containsExactly("192.0.2.7");
    assertThat(live("_gordon-a-hand.example.test.", Type.TXT)).isEmpty();
    assertThat(Files.readString(owned.resolve("var/dead-letters.jsonl")))
        .contains("is owned by none");
  }

  @Test
  void adoptTakesOverOnlyWhatItNames() throws Exception {
    Path legacy = config("legacy2", "enabled = false");
    apply(
        legacy,
        event("l1", "additions", "old1.example.test.", "192.0.2.7"),
        event("l2", "additions", "old2.example.test.", "192.0.2.7"));
    Path adopting = config("adopting", "adopt = [\"old1.example.test\"]");
    List<String> out =
        apply(
            adopting,
            event("a1", "additions", "old1.example.test.", "192.0.2.1"),
            event("a2", "additions", "old2.example.test.", "192.0.2.1"));
    assertThat(out.get(0)).contains("\"outcome\":\"applied\"");
    assertThat(out.get(1)).contains("\"outcome\":\"dead-lettered\"", "owned by none");
    assertThat(live("old1.example.test.", Type.A)).containsExactly("192.0.2.1");
    assertThat(live("_gordon-a-old1.example.test.", Type.TXT))
        .containsExactly("heritage=gordon,owner=gordon,record=old1.example.test.,type=A,v=1");
    assertThat(live("old2.example.test.", Type.A)).containsExactly("192.0.2.7");
  }

  @Test
  void twoOwnerIdsOnOneZoneStayApart() throws Exception {
    Path teamA = config("team-a", "owner_id = \"team-a\"");
    Path teamB = config("team-b", "owner_id = \"team-b\"");
    assertThat(apply(teamA, event("a1", "additions", "a.two.example.test.", "192.0.2.1")).get(0))
        .contains("\"outcome\":\"applied\"");
    assertThat(apply(teamB, event("b1", "additions", "b.two.example.test.", "192.0.2.2")).get(0))
        .contains("\"outcome\":\"applied\"");
    List<String> bOnA =
        apply(
            teamB,
            event("b2", "additions", "a.two.example.test.", "192.0.2.9"),
            event("b3", "deletions", "a.two.example.test."));
    assertThat(bOnA)
        .allMatch(
            l ->
                l.contains("\"outcome\":\"dead-lettered\"")
                    && l.contains(
                        "a.two.example.test. A exists and is owned by 'team-a' (this gordon is 'team-b');"
                            + " not changed"));
    assertThat(apply(teamA, event("a2", "deletions", "b.two.example.test.")).get(0))
        .contains("owned by 'team-b' (this gordon is 'team-a')");
    assertThat(live("a.two.example.test.", Type.A)).containsExactly("192.0.2.1");
    assertThat(live("b.two.example.test.", Type.A)).containsExactly("192.0.2.2");
    assertThat(apply(teamA, event("a3", "deletions", "a.two.example.test.")).get(0))
        .contains("\"outcome\":\"applied\"");
    assertThat(live("a.two.example.test.", Type.A)).isEmpty();
    assertThat(live("_gordon-a-a.two.example.test.", Type.TXT)).isEmpty();
  }

  @Test
  void breakerTripsAtItsThresholdAndParksTheRestWithTheReason() throws Exception {
    Path owner =
        config(
            "breaker",
            "owner_id = \"breaker\"\nmin_records = 10\n"
                + "delete_threshold = 0.30\nwindow = \"10m\"");
    List<String> adds = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      adds.add(
          event("add" + i, "additions", "h" + i + ".breaker.example.test.", "192.0.2." + (i + 1)));
      deletes.add(event("del" + i, "deletions", "h" + i + ".breaker.example.test."));
    }
    assertThat(apply(owner, adds.toArray(String[]::new)))
        .allMatch(l -> l.contains("\"outcome\":\"applied\""));
    List<String> out = apply(owner, deletes.subList(0, 4).toArray(String[]::new));
    assertThat(out).filteredOn(l -> l.contains("\"outcome\":\"applied\"")).hasSize(3);
    assertThat(out)
        .filteredOn(l -> l.contains("\"outcome\":\"dead-lettered\""))
        .singleElement()
        .asString()
        .contains(
            "deletions in zone example.test. are stopped: 4"
                + " of its 10 owned RRsets (40%) would be deleted within 10m, above"
                + " core.ownership.delete_threshold 30%; parked");
    int left = 0;
    for (int i = 0; i < 10; i++) {
      left += live("h" + i + ".breaker.example.test.", Type.A).size();
    }
    assertThat(left).isEqualTo(7);
  }
}
