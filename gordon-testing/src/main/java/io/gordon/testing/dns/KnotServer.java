package io.gordon.testing.dns;

import java.nio.file.Path;
import java.util.List;

/**
 * Knot DNS ({@code knotd -c knot.conf}) serving the given zones on a free loopback port, with an
 * ACL that lets the generated TSIG key update and transfer them. Updates go to the journal only
 * ({@code zonefile-sync: -1}).
 */
public final class KnotServer extends DnsTestServer {
  private KnotServer(List<String> zones, TsigKey key) {
    super("knotd", zones, key);
    launch();
  }

  /** Starts Knot with a fresh key {@code gordon-key} (hmac-sha256) for {@code zones}. */
  public static KnotServer start(String... zones) {
    return start(TsigKey.generate("gordon-key"), zones);
  }

  /** Starts Knot with {@code key} for {@code zones}. */
  public static KnotServer start(TsigKey key, String... zones) {
    return new KnotServer(List.of(zones), key);
  }

  @Override
  List<String> configure(Path dir, int port) {
    Path knotd = ServerSupport.binary("knotd", "knot");
    StringBuilder conf = new StringBuilder();
    conf.append("server:\n  rundir: \"")
        .append(dir)
        .append("\"\n")
        .append("  listen: 127.0.0.1@")
        .append(port)
        .append("\n")
        .append("log:\n  - target: stderr\n    any: notice\n")
        .append("key:\n  - id: ")
        .append(key().name())
        .append("\n")
        .append("    algorithm: ")
        .append(key().algorithm())
        .append("\n")
        .append("    secret: ")
        .append(key().secret())
        .append("\n")
        .append("acl:\n  - id: gordon\n    key: ")
        .append(key().name())
        .append("\n    action: [update, transfer]\n")
        .append("database:\n  storage: \"")
        .append(dir)
        .append("\"\n")
        .append("template:\n  - id: default\n    storage: \"")
        .append(dir)
        .append("\"\n")
        .append("    file: \"%s.zone\"\n    zonefile-sync: -1\n    journal-content: changes\n")
        .append("zone:\n");
    for (String zone : zones()) {
      ServerSupport.writeZone(dir, zone);
      conf.append("  - domain: ").append(zone).append("\n    acl: gordon\n");
    }
    Path confFile = dir.resolve("knot.conf");
    ServerSupport.write(confFile, conf.toString());
    return List.of(knotd.toString(), "-c", confFile.toString());
  }
}
