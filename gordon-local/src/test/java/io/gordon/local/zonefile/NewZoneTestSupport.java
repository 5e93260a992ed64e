package io.gordon.local.zonefile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Zones in memory for tests. */
final class NewZoneTestSupport {
  private NewZoneTestSupport() {}

  /** example.com. as gordon creates it: SOA, apex NS, ns1's address. */
  static ZoneData zone() {
    ZoneFileSettings s =
        new ZoneFileSettings(
            Path.of("zones"),
            List.of("example.com."),
            300,
            Optional.empty(),
            Optional.empty(),
            Optional.of("127.0.0.1"),
            10);
    return NewZone.create("example.com.", s, 1);
  }
}
