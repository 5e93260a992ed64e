package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.it.Gordon.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gordon config} refuses, with positions, what {@code gordon run} would refuse. */
class ConfigChecksIT {
  static final String BASE = """
      [core]
      plugins = ["local.http", "local.zonefile"]
      [core.route]
      consume = "publish"
      publish = "cleanup"
      [local.zonefile]
      zones = ["example.com."]
      """;

  @TempDir
  Path dir;

  private Result config(String toml) throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), toml);
    Result r = Gordon.run(dir, "config", "-c", dir.toString());
    return new Result(r.exit(), r.out(), r.err().replace(dir + "/", ""));
  }

  @Test
  void aPublicHttpSourceWithoutATokenIsRefusedAtItsListenKey() throws Exception {
    Result r = config(BASE + "[local.http]\nlisten = \"0.0.0.0:0\"\n");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("gordon.toml:9:1: local.http.listen: \"0.0.0.0:0\" is not a"
        + " loopback address and local.http.token is not set");
  }

  @Test
  void anHttpSourceOnTheAdminPortIsRefusedNamingBothPositions() throws Exception {
    Result r = config(BASE + "[core.admin]\nlisten = \"127.0.0.1:19053\"\n[local.http]\n"
        + "listen = \"127.0.0.1:19053\"\n");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("gordon.toml:11:1: local.http.listen: port 19053 of"
        + " \"127.0.0.1:19053\" is also taken by core.admin.listen = \"127.0.0.1:19053\""
        + " (gordon.toml:9:1)");
  }

  @Test
  void twoProvidersForOneZoneAreRefused() throws Exception {
    Result r = config(BASE.replace("\"local.zonefile\"]", "\"local.zonefile\", \"rfc2136\"]")
        + "[rfc2136]\nserver = \"127.0.0.1:53\"\nzones = [\"example.com.\"]\n");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("gordon.toml:10:1: rfc2136.zones: zone example.com. is also"
        + " managed by local.zonefile (local.zonefile.zones, gordon.toml:7:1)");
  }

  @Test
  void theEmbeddedDefaultPassesEveryCheck() throws Exception {
    Configs.embeddedDefault(dir);
    Result r = Gordon.run(dir, "config", "-c", dir.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }
}
