package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Cloud DNS v1 resources {@link FakeCloudDns} answers with, as the real API renders them. */
final class CloudDnsJson {
  private CloudDnsJson() {}

  /** A managedZone resource. */
  static ObjectNode zone(ObjectMapper json, CloudDnsModel.Zone z) {
    ObjectNode out =
        json.createObjectNode()
            .put("kind", "dns#managedZone")
            .put("name", z.name)
            .put("id", z.id)
            .put("dnsName", z.dnsName)
            .put("visibility", "public")
            .put("description", "");
    out.putArray("nameServers")
        .add("ns-cloud-c1.googledomains.com.")
        .add("ns-cloud-c2.googledomains.com.");
    return out;
  }

  /** A resourceRecordSet resource. */
  static ObjectNode rrset(ObjectMapper json, FakeRrset r) {
    ObjectNode out =
        json.createObjectNode()
            .put("kind", "dns#resourceRecordSet")
            .put("name", r.name())
            .put("type", r.type())
            .put("ttl", r.ttl());
    ArrayNode data = out.putArray("rrdatas");
    r.rrdatas().forEach(data::add);
    return out;
  }
}
