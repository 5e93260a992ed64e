package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.it.Gordon.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gordon config} refuses, with positions, what {@code gordon run} would refuse. */
class ConfigChecksIT {
  static final String BASE =
      """
      [core]
      plugins = ["local.http", "local.zonefile"]
      [core.route]
      consume = "publish"
      publish = "cleanup"
      [local.zonefile]
      zones = ["example.com."]
      """;

  @TempDir Path dir;

  private Result config(String toml) throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), toml);
    Result r = Gordon.run(dir, "config", "-c", dir.toString());
    return new Result(r.exit(), r.out(), r.err().replace(dir + "/", ""));
  }

  @Test
  void aPublicHttpSourceWithoutATokenIsRefusedAtItsListenKey() throws Exception {
    Result r = config(BASE + "[local.http]\nlisten = \"0.0.0.0:0\"\n");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "gordon.toml:9:1: local.http.listen: \"0.0.0.0:0\" is not a"
                + " loopback address and local.http.token is not set");
  }

  @Test
  void anHttpSourceOnTheAdminPortIsRefusedNamingBothPositions() throws Exception {
    Result r =
        config(
            BASE
                + "[core.admin]\nlisten = \"127.0.0.1:19053\"\n[local.http]\n"
                + "listen = \"127.0.0.1:19053\"\n");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "gordon.toml:11:1: local.http.listen: port 19053 of"
                + " \"127.0.0.1:19053\" is also taken by core.admin.listen = \"127.0.0.1:19053\""
                + " (gordon.toml:9:1)");
  }

  @Test
  void twoProvidersForOneZoneAreRefused() throws Exception {
    Result r =
        config(
            BASE.replace("\"local.zonefile\"]", "\"local.zonefile\", \"rfc2136\"]")
                + "[rfc2136]\nserver = \"127.0.0.1:53\"\nzones = [\"example.com.\"]\n");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "gordon.toml:10:1: rfc2136.zones: zone example.com. is also"
                + " managed by local.zonefile (local.zonefile.zones, gordon.toml:7:1)");
  }

  static final String TSIG =
      """
      [core]
      plugins = ["local.http", "rfc2136"]
      [core.route]
      consume = "publish"
      publish = "cleanup"
      [rfc2136]
      server = "127.0.0.1"
      zones = ["example.com."]
      tsig_key_name = "gordon-key"
      tsig_algorithm = "hmac-sha512"
      """;

  @Test
  void aTsigKeyNameWithoutItsSecretIsRefusedAtLoadWithItsPosition() throws Exception {
    Result r = config(TSIG);
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "gordon.toml:9:1: rfc2136.tsig_key_name: given without"
                + " tsig_secret (expected tsig_key_name and tsig_secret together, or none of them: both"
                + " to sign updates, neither to send them unsigned)");
  }

  @Test
  void runRefusesTheSameTsigProblemBeforeAnyPluginStarts() throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        TSIG.replace("tsig_key_name = \"gordon-key\"\n", "tsig_secret = \"c2VjcmV0\"\n")
            .replace("tsig_algorithm = \"hmac-sha512\"\n", ""));
    Result r = Gordon.run(dir, "run", "-c", dir.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err().replace(dir + "/", ""))
        .contains(
            "gordon.toml:9:1: rfc2136.tsig_secret:"
                + " given without tsig_key_name (expected tsig_key_name and tsig_secret together, or"
                + " none of them: both to sign updates, neither to send them unsigned)");
  }

  @Test
  void theEmbeddedDefaultPassesEveryCheck() throws Exception {
    Configs.embeddedDefault(dir);
    Result r = Gordon.run(dir, "config", "-c", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }
}
