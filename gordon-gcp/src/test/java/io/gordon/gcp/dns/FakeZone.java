package io.gordon.gcp.dns;

import io.gordon.gcp.TestContext;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeRrset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Cloud DNS zone of a test's own in a shared fake, and gcp.publisher configured for it (quick API
 * retries, a 5 s wait for changes), so that tests sharing one fake never see each other's records.
 *
 * @param api the fake
 * @param project the zone's project
 * @param managed the managed zone's name
 * @param zone the zone's DNS name
 */
record FakeZone(FakeGoogleApis api, String project, String managed, String zone) {
  private static final AtomicInteger SEQ = new AtomicInteger();

  /** Adds a new zone to {@code api}, its names built from {@code prefix} and a sequence number. */
  static FakeZone add(FakeGoogleApis api, String prefix) {
    int n = SEQ.incrementAndGet();
    FakeZone z = new FakeZone(api, prefix + "-" + n, "managed-" + n, prefix + n + ".example.");
    api.dns().addZone(z.project, z.managed, z.zone);
    return z;
  }

  /** The publisher's settings for this zone, with {@code extra} added or overriding. */
  Map<String, Object> config(Map<String, Object> extra) {
    Map<String, Object> cfg = new HashMap<>();
    cfg.put("project", project);
    cfg.put("dns_zone", zone);
    cfg.put("endpoint", api.rootUrl());
    cfg.put("anonymous", true);
    cfg.put("api_retry_delay", 0.001);
    cfg.put("api_retry_max_delay", 0.01);
    cfg.put("publish_wait_timeout", 5);
    cfg.putAll(extra);
    return cfg;
  }

  /** A started publisher for this zone; the fake's request log is cleared once it has started. */
  CloudDnsPublisher publisher() {
    CloudDnsPublisher p =
        (CloudDnsPublisher)
            new CloudDnsPublisherFactory()
                .create(
                    new TestContext(
                        "gcp.publisher", CloudDnsPublisherFactory.SPEC, config(Map.of())));
    p.start();
    api.reset();
    return p;
  }

  /** {@code label} in this zone. */
  String n(String label) {
    return label + "." + zone;
  }

  /** The live RRset at {@code name} and {@code type}, if any. */
  Optional<FakeRrset> live(String name, String type) {
    return api.dns().rrset(project, managed, name, type);
  }

  /** Writes {@code rrset} behind gordon's back. */
  void put(FakeRrset rrset) {
    api.dns().put(project, managed, rrset);
  }
}
