package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of a fake Compute Engine v1 {@code instances.get} (gcp-api.md 2.1) and {@code
 * instances.aggregatedList}, and of Cloud Resource Manager v1 {@code projects.list} (both paged
 * with opaque tokens). An instance can be programmed to answer without any network interface
 * (status PROVISIONING) for its first N reads, as a new instance does before it has its addresses;
 * a project's listing can be made to fail with a status. Thread-safe.
 */
public final class FakeCompute {
  private final ObjectMapper json;
  private final Map<String, Instance> instances = new TreeMap<>();
  private final Map<String, String> projects = new TreeMap<>();
  private final Map<String, Integer> projectFailures = new HashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Duration listDelay = Duration.ZERO;

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
    List<String> tags = List.of();
    Map<String, String> metadata = Map.of();
    String status = "RUNNING";

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
   * Adds a RUNNING instance. {@code natIp} may be null for an instance without an external address.
   */
  public synchronized void addInstance(
      String project, String zone, String name, String natIp, String internalIp) {
    instances.put(
        key(project, zone, name),
        new Instance(
            project, zone, name, natIp, internalIp, 4000000000000000000L + instances.size()));
  }

  /** The instance answers without network interfaces (PROVISIONING) to its next {@code gets}. */
  public synchronized void withoutAddressFor(String project, String zone, String name, int gets) {
    instance(project, zone, name).unaddressedGets = gets;
  }

  /** Deletes the instance; reads then answer 404. */
  public synchronized void removeInstance(String project, String zone, String name) {
    instances.remove(key(project, zone, name));
  }

  /** Sets the instance's network tags. */
  public synchronized void setTags(String project, String zone, String name, String... tags) {
    instance(project, zone, name).tags = List.of(tags);
  }

  /** Sets the instance's metadata items. */
  public synchronized void setMetadata(
      String project, String zone, String name, Map<String, String> items) {
    instance(project, zone, name).metadata = new TreeMap<>(items);
  }

  /** Sets the instance's status, e.g. TERMINATED. */
  public synchronized void setStatus(String project, String zone, String name, String status) {
    instance(project, zone, name).status = status;
  }

  /** Adds a project to Resource Manager's list, e.g. with state ACTIVE or DELETE_REQUESTED. */
  public synchronized void addProject(String projectId, String lifecycleState) {
    projects.put(projectId, lifecycleState);
  }

  /** Every aggregated listing of {@code project} answers {@code status} in Google's format. */
  public synchronized void failProject(String project, int status) {
    projectFailures.put(project, status);
  }

  synchronized ObjectNode listProjects(String pageSize, String pageToken) {
    List<ObjectNode> all = new ArrayList<>();
    projects.forEach(
        (id, state) ->
            all.add(
                json.createObjectNode()
                    .put("projectId", id)
                    .put("name", id)
                    .put("projectNumber", Long.toString(Math.abs((long) id.hashCode())))
                    .put("lifecycleState", state)));
    ObjectNode page = Paging.page(json, "", "projects", all, pageSize, pageToken, 500);
    page.remove("kind");
    return page;
  }

  /** Each aggregated listing takes {@code delay} (outside the lock, so listings overlap). */
  public void setListDelay(Duration delay) {
    listDelay = delay;
  }

  /** The most aggregated listings that were in progress at once. */
  public int maxConcurrentLists() {
    return maxInFlight.get();
  }

  ObjectNode aggregatedList(String project, String filter, String maxResults, String pageToken) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(listDelay.toMillis());
      return aggregatedPage(project, filter, maxResults, pageToken);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private synchronized ObjectNode aggregatedPage(
      String project, String filter, String maxResults, String pageToken) {
    Integer failure = projectFailures.get(project);
    if (failure != null) {
      throw GoogleApiError.of(
              failure,
              failure == 403 ? "forbidden" : "backendError",
              "listing instances of project " + project + " failed")
          .toFailure();
    }
    List<ObjectNode> all = new ArrayList<>();
    for (Instance i : instances.values()) {
      if (i.project.equals(project)
          && (filter == null
              || filter.isEmpty()
              || filter.equals("name = " + i.name)
              || filter.equals("status = " + i.status))) {
        all.add(instanceJson(i));
      }
    }
    ObjectNode flat =
        Paging.page(
            json, "compute#instanceAggregatedList", "items", all, maxResults, pageToken, 500);
    ObjectNode byZone = json.createObjectNode();
    for (var n : flat.withArray("items")) {
      String zone = n.get("zone").asText();
      String key = "zones/" + zone.substring(zone.lastIndexOf('/') + 1);
      byZone.withObjectProperty(key).withArray("instances").add(n);
    }
    flat.set("items", byZone);
    return flat;
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
    if (i.unaddressedGets > 0) {
      i.unaddressedGets--;
      return base(i).put("status", "PROVISIONING");
    }
    return instanceJson(i);
  }

  private ObjectNode base(Instance i) {
    String zoneUrl =
        "https://www.googleapis.com/compute/v1/projects/" + i.project + "/zones/" + i.zone;
    ObjectNode out =
        json.createObjectNode()
            .put("kind", "compute#instance")
            .put("id", Long.toUnsignedString(i.id))
            .put("name", i.name)
            .put("zone", zoneUrl)
            .put("selfLink", zoneUrl + "/instances/" + i.name)
            .put("creationTimestamp", "2017-12-04T12:13:50.717-08:00");
    return out;
  }

  private ObjectNode instanceJson(Instance i) {
    ObjectNode out = base(i).put("status", i.status);
    if (!i.tags.isEmpty()) {
      i.tags.forEach(out.putObject("tags").putArray("items")::add);
    }
    if (!i.metadata.isEmpty()) {
      var items = out.putObject("metadata").putArray("items");
      i.metadata.forEach((k, v) -> items.addObject().put("key", k).put("value", v));
    }
    String project = i.project;
    ObjectNode nic =
        out.putArray("networkInterfaces")
            .addObject()
            .put("kind", "compute#networkInterface")
            .put("name", "nic0")
            .put(
                "network",
                "https://www.googleapis.com/compute/v1/projects/"
                    + project
                    + "/global/networks/default");
    if (i.internalIp != null) {
      nic.put("networkIP", i.internalIp);
    }
    if (i.natIp != null) {
      nic.putArray("accessConfigs")
          .addObject()
          .put("kind", "compute#accessConfig")
          .put("type", "ONE_TO_ONE_NAT")
          .put("name", "External NAT")
          .put("natIP", i.natIp)
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
