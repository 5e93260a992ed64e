package io.gordon.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gordon janitor} in process, with the zone-file provider and an inventory. */
class JanitorCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int janitor(String... args) {
    picocli.CommandLine cli = new picocli.CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 3];
    all[0] = "janitor";
    all[1] = "-c";
    all[2] = dir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Main.execute(cli, all);
  }

  private void gordonToml(String janitor) throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        """
        [core]
        plugins = ["local.http", "local.zonefile"]
        [core.logging]
        handlers = ["stream"]
        level = "error"
        [local.zonefile]
        directory = "zones"
        zones = ["example.com."]
        [local.inventory]
        path = "inventory.json"
        zones = ["example.com."]
        """
            + janitor);
    Files.writeString(
        dir.resolve("inventory.json"),
        "[{\"name\": \"www.example.com.\","
            + " \"type\": \"A\", \"ttl\": 300, \"rrdatas\": [\"192.0.2.1\"]}]");
  }

  @Test
  void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
    gordonToml("[janitor]\nplugins = [\"local.inventory\"]\n");
    assertThat(janitor("--dry-run")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "  + addition www.example.com. A ttl 300 192.0.2.1\n",
            "dry run, nothing changed: 1 addition, 0 replacements, 0 deletions, 0 adoptions in 1"
                + " zone; status success");
    assertThat(Files.readString(dir.resolve("zones/example.com.zone")))
        .doesNotContain("www.example.com.");
  }

  @Test
  void aRunAppliesThePlanThroughTheZoneFileProvider() throws Exception {
    gordonToml("[janitor]\nplugins = [\"local.inventory\"]\n");
    assertThat(janitor("--format", "json")).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith(
            "{\"dryRun\":false,\"status\":\"success\","
                + "\"exitStatus\":0,\"zones\":[{\"zone\":\"example.com.\"");
    assertThat(Files.readString(dir.resolve("zones/example.com.zone")))
        .contains("www.example.com. 300 IN A 192.0.2.1");
  }

  @Test
  void withoutAnAuthorityTheConfigurationIsRefused() throws Exception {
    gordonToml("");
    assertThat(janitor()).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "core.plugins: no authority is loaded (expected at"
                + " least one plugin of kind AUTHORITY, e.g. \"local.inventory\" or \"gcp.gce\", see"
                + " gordon plugins)");
  }

  @Test
  void withoutAnyConfigurationItSaysWhatItLookedFor() {
    assertThat(janitor()).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "no janitor configuration in "
                + dir
                + ": expected"
                + " gordon-janitor.toml (and/or gordon-janitor-user.toml), or gordon.toml with a"
                + " [janitor] table there (use -c DIR to choose another directory)");
  }

  @Test
  void aBadJanitorTableNamesTheKey() throws Exception {
    gordonToml("[janitor]\nplugins = [\"local.inventory\"]\ninterval = \"soon\"\n");
    assertThat(janitor()).isEqualTo(2);
    assertThat(err.toString()).contains("janitor.interval: invalid value \"soon\"");
  }
}
