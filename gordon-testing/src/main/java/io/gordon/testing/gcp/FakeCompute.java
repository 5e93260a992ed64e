package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The state of a fake Compute Engine v1 {@code instances.get} (gcp-api.md 2.1). An instance can be
 * programmed to answer without any network interface (status PROVISIONING) for its first N reads,
 * as a new instance does before it has its addresses. Thread-safe.
 */
public final class FakeCompute {
  private final ObjectMapper json;
  private final Map<String, Instance> instances = new HashMap<>();

  FakeCompute(ObjectMapper json) {
    this.json = json;
  }

  private static final class Instance {
    final String project;
    final String zone;
    final String name;
    final String natIp;
    final String internalIp;
    final long id;
    int unaddressedGets;
    int gets;

    Instance(String project, String zone, String name, String natIp, String internalIp, long id) {
      this.project = project;
      this.zone = zone;
      this.name = name;
      this.natIp = natIp;
      this.internalIp = internalIp;
      this.id = id;
    }
  }

  /**
   * Adds a RUNNING instance. {@code natIp} may be null for an instance without an external
   * address.
   */
  public synchronized void addInstance(String project, String zone, String name, String natIp,
      String internalIp) {
    instances.put(key(project, zone, name), new Instance(project, zone, name, natIp, internalIp,
        4000000000000000000L + instances.size()));
  }

  /** The instance answers without network interfaces (PROVISIONING) to its next {@code gets}. */
  public synchronized void withoutAddressFor(String project, String zone, String name, int gets) {
    instance(project, zone, name).unaddressedGets = gets;
  }

  /** Deletes the instance; reads then answer 404. */
  public synchronized void removeInstance(String project, String zone, String name) {
    instances.remove(key(project, zone, name));
  }

  /** How many times the instance was read. */
  public synchronized int gets(String project, String zone, String name) {
    return instance(project, zone, name).gets;
  }

  synchronized ObjectNode getInstance(String project, String zone, String name) {
    Instance i = instances.get(key(project, zone, name));
    if (i == null) {
      String res = "projects/" + project + "/zones/" + zone + "/instances/" + name;
      throw GoogleApiError.of(404, "notFound", "The resource '" + res + "' was not found")
          .toFailure();
    }
    i.gets++;
    String zoneUrl = "https://www.googleapis.com/compute/v1/projects/" + project + "/zones/"
        + zone;
    ObjectNode out = json.createObjectNode().put("kind", "compute#instance")
        .put("id", Long.toUnsignedString(i.id)).put("name", i.name).put("zone", zoneUrl)
        .put("selfLink", zoneUrl + "/instances/" + i.name)
        .put("creationTimestamp", "2017-12-04T12:13:50.717-08:00");
    if (i.unaddressedGets > 0) {
      i.unaddressedGets--;
      return out.put("status", "PROVISIONING");
    }
    out.put("status", "RUNNING");
    ObjectNode nic = out.putArray("networkInterfaces").addObject()
        .put("kind", "compute#networkInterface").put("name", "nic0")
        .put("network", "https://www.googleapis.com/compute/v1/projects/" + project
            + "/global/networks/default");
    if (i.internalIp != null) {
      nic.put("networkIP", i.internalIp);
    }
    if (i.natIp != null) {
      nic.putArray("accessConfigs").addObject().put("kind", "compute#accessConfig")
          .put("type", "ONE_TO_ONE_NAT").put("name", "External NAT").put("natIP", i.natIp)
          .put("networkTier", "PREMIUM");
    }
    return out;
  }

  private Instance instance(String project, String zone, String name) {
    Instance i = instances.get(key(project, zone, name));
    if (i == null) {
      throw new IllegalArgumentException("no instance " + key(project, zone, name));
    }
    return i;
  }

  private static String key(String project, String zone, String name) {
    return project + "/" + zone + "/" + name;
  }
}
