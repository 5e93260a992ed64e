package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.config.TestToml;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ApplyCommandTest {
  static final String CONFIG =
      TestToml.plugins("local.http", "local.zonefile")
          .level("warning")
          .tables(Captured.HTTP_TO_ZONEFILE)
          .text();
  @TempDir Path dir;
  final Captured captured = new Captured();
  final StringWriter out = captured.out;
  final StringWriter err = captured.err;

  int apply(String... args) {
    return captured.run(new ApplyCommand(), args);
  }

  static String event(String id, String name) {
    return "{\"id\":\""
        + id
        + "\",\"action\":\"additions\",\"resourceRecords\":{\"name\":\""
        + name
        + "\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.7\"]}}";
  }

  @Test
  void appliedEventsReachTheZoneFileAndExitZero() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), CONFIG);
    Path events =
        Files.writeString(
            dir.resolve("e.jsonl"),
            event("a1", "www.example.com.") + "\n" + event("a2", "ftp.example.com."));
    assertThat(apply("-c", dir.toString(), events.toString())).as(err.toString()).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("{\"id\":\"a1\",\"outcome\":\"applied\",\"history\":[");
    assertThat(Files.readString(dir.resolve("var/zones/example.com.zone")))
        .contains("www.example.com. 300 IN A 192.0.2.7\n", "ftp.example.com. 300 IN A 192.0.2.7\n");
  }

  @Test
  void aDeadLetteredOrInvalidEventExitsOne() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), CONFIG);
    Path events =
        Files.writeString(
            dir.resolve("e.json"),
            "["
                + event("b1", "www.example.org.")
                + ",{\"action\":\"nope\",\"resourceRecords\":{}}]");
    assertThat(apply("-c", dir.toString(), events.toString())).isEqualTo(1);
    String[] lines = out.toString().split("\n");
    assertThat(lines[0])
        .startsWith("{\"id\":\"b1\",\"outcome\":\"dead-lettered\",\"reason\":")
        .contains("www.example.org. is in no managed zone");
    assertThat(lines[1])
        .startsWith(
            "{\"id\":\"e.json:2\",\"outcome\":\"invalid\",\"problems\":"
                + "[\"action: \\\"nope\\\" is not an action");
  }

  @Test
  void anInvalidConfigurationExitsTwo() throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"), CONFIG.replace("zones = [\"example.com.\"]", "zones = 5"));
    Path events = Files.writeString(dir.resolve("e.json"), event("c1", "www.example.com."));
    assertThat(apply("-c", dir.toString(), events.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("local.zonefile.zones");
  }

  @Test
  void aDashReadsStandardInput() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), CONFIG);
    java.io.InputStream stdin = System.in;
    System.setIn(
        new java.io.ByteArrayInputStream(
            event("s1", "in.example.com.").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      assertThat(apply("-c", dir.toString(), "-")).as(err.toString()).isZero();
    } finally {
      System.setIn(stdin);
    }
    assertThat(out.toString()).startsWith("{\"id\":\"s1\",\"outcome\":\"applied\"");
  }

  @Test
  void mainListsApplyOnce() {
    assertThat(new CommandLine(new Main()).getSubcommands()).containsKey("apply");
  }

  @Test
  void aMissingFileExitsTwo() {
    assertThat(apply("-c", dir.toString(), dir.resolve("none.json").toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "gordon apply: cannot read "
                + dir.resolve("none.json")
                + ": no such file"
                + System.lineSeparator());
  }

  /** The reason used to be the path again ("cannot read /x.json: /x.json"): acceptance pass. */
  @Test
  void aDirectoryInsteadOfAFileIsNamedAsOne() {
    assertThat(apply("-c", dir.toString(), dir.toString())).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "gordon apply: cannot read " + dir + ": it is a directory" + System.lineSeparator());
  }
}
