package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link FakeCloudDns} holds: projects with their quotas (gcp-api.md 1.2), their managed
 * zones, each zone's record sets by key, and the changes it accepted (by id and by client operation
 * id). Guarded by the {@link FakeCloudDns} that owns them.
 */
final class CloudDnsModel {
  private CloudDnsModel() {}

  static final Map<String, Integer> DEFAULT_QUOTA =
      Map.of(
          "managedZones",
          10000,
          "rrsetsPerManagedZone",
          10000,
          "rrsetAdditionsPerChange",
          1000,
          "rrsetDeletionsPerChange",
          1000,
          "totalRrdataSizePerChange",
          100000,
          "resourceRecordsPerRrset",
          100,
          "nameserversPerDelegation",
          8);

  static final class Project {
    final String id;
    final String number;
    final Map<String, Integer> quota = new LinkedHashMap<>(DEFAULT_QUOTA);
    final Map<String, Zone> zones = new LinkedHashMap<>();

    Project(String id, String number) {
      this.id = id;
      this.number = number;
    }
  }

  static final class Zone {
    final String name;
    final String id;
    final String dnsName;
    final TreeMap<String, FakeRrset> rrsets = new TreeMap<>();
    final Map<String, ChangeRecord> changes = new LinkedHashMap<>();
    final Map<String, ChangeRecord> byClientOperation = new LinkedHashMap<>();

    Zone(String name, String id, String dnsName) {
      this.name = name;
      this.id = id;
      this.dnsName = dnsName;
    }
  }

  static final class ChangeRecord {
    final ObjectNode body;
    final Instant start;
    int gets;

    ChangeRecord(ObjectNode body, Instant start) {
      this.body = body;
      this.start = start;
    }
  }
}
