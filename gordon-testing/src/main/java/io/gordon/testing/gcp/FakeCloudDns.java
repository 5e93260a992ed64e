package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.testing.gcp.CloudDnsModel.ChangeRecord;
import io.gordon.testing.gcp.CloudDnsModel.Project;
import io.gordon.testing.gcp.CloudDnsModel.Zone;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The state and semantics of a fake Cloud DNS v1 API (see gcp-api.md section 1): projects with
 * quotas, managed zones with their apex SOA and NS, record sets, and changes that are validated
 * completely, applied atomically and reported {@code pending} before {@code done}. Thread-safe:
 * every operation holds the instance lock, so a change is atomic to readers.
 */
public final class FakeCloudDns {
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, Project> projects = new LinkedHashMap<>();
  private int pendingGets;
  private Duration doneAfter;
  private int defaultPageSize = 100;
  private Runnable beforeNextCreate;
  private Zone outageZone;
  private int outageFrom;

  FakeCloudDns(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /** Creates {@code project} (if new) and a zone in it holding an apex SOA and NS. */
  public synchronized void addZone(String project, String name, String dnsName) {
    Project p =
        projects.computeIfAbsent(
            project, k -> new Project(k, String.valueOf(900000000000L + projects.size())));
    String dn = dnsName.toLowerCase(Locale.ROOT);
    Zone z = new Zone(name, String.valueOf(1000 + p.zones.size()), dn);
    z.rrsets.put(
        FakeRrset.key(dn, "SOA"),
        FakeRrset.of(
            dn,
            "SOA",
            21600,
            "ns-cloud-c1.googledomains.com. cloud-dns-hostmaster.google.com. 0 21600 3600 1209600 300"));
    z.rrsets.put(
        FakeRrset.key(dn, "NS"),
        FakeRrset.of(
            dn, "NS", 21600, "ns-cloud-c1.googledomains.com.", "ns-cloud-c2.googledomains.com."));
    p.zones.put(name, z);
  }

  /** Puts (or replaces) a record set directly, as another writer would. */
  public synchronized void put(String project, String zone, FakeRrset rrset) {
    zone(project, zone).rrsets.put(rrset.key(), rrset);
  }

  /** Removes a record set directly, as another writer would. */
  public synchronized void remove(String project, String zone, String name, String type) {
    zone(project, zone).rrsets.remove(FakeRrset.key(name, type));
  }

  /** Every record set of the zone, apex SOA and NS included. */
  public synchronized List<FakeRrset> rrsets(String project, String zone) {
    return List.copyOf(zone(project, zone).rrsets.values());
  }

  /** One record set. */
  public synchronized Optional<FakeRrset> rrset(
      String project, String zone, String name, String type) {
    return Optional.ofNullable(
        zone(project, zone)
            .rrsets
            .get(FakeRrset.key(name.toLowerCase(Locale.ROOT), type.toUpperCase(Locale.ROOT))));
  }

  /** How many changes the zone has accepted. */
  public synchronized int changeCount(String project, String zone) {
    return zone(project, zone).changes.size();
  }

  /** Sets one quota field of the project (see gcp-api.md 1.2), e.g. rrsetAdditionsPerChange. */
  public synchronized void setQuota(String project, String field, int value) {
    Project p = projects.get(project);
    if (p == null) {
      throw new IllegalArgumentException("no project " + project);
    }
    p.quota.put(field, value);
  }

  /** Changes answer {@code pending} to this many {@code changes.get} calls before {@code done}. */
  public synchronized void changesStayPendingFor(int gets) {
    this.pendingGets = gets;
  }

  /** Changes are done once this long has passed since creation, whatever the gets. */
  public synchronized void changesDoneAfter(Duration delay) {
    this.doneAfter = delay;
  }

  /** Changes never leave {@code pending}. */
  public synchronized void changesNeverDone() {
    this.pendingGets = Integer.MAX_VALUE;
    this.doneAfter = null;
  }

  /** The page size used when a request gives no maxResults. */
  public synchronized void setDefaultPageSize(int size) {
    this.defaultPageSize = size;
  }

  /** Runs {@code action} once, just before the next changes.create is checked (a race). */
  public synchronized void beforeNextCreate(Runnable action) {
    this.beforeNextCreate = action;
  }

  /**
   * An outage that starts at a known point rather than at a known time: once the zone holds {@code
   * rrsets} record sets, every changes.create on it answers 503 until {@link #endOutage()}. The
   * change that reaches the count is applied.
   */
  public synchronized void outageOnceZoneHolds(String project, String zone, int rrsets) {
    this.outageZone = zone(project, zone);
    this.outageFrom = rrsets;
  }

  /** Ends the outage set up by {@link #outageOnceZoneHolds}. */
  public synchronized void endOutage() {
    this.outageZone = null;
  }

  synchronized ObjectNode getProject(String project) {
    Project p = project(project);
    ObjectNode out =
        json.createObjectNode().put("kind", "dns#project").put("id", p.id).put("number", p.number);
    ObjectNode quota = out.putObject("quota").put("kind", "dns#quota");
    p.quota.forEach(quota::put);
    return out;
  }

  synchronized ObjectNode listZones(
      String project, String dnsName, String maxResults, String pageToken) {
    List<ObjectNode> all = new ArrayList<>();
    for (Zone z : project(project).zones.values()) {
      if (dnsName == null || z.dnsName.equals(dnsName.toLowerCase(Locale.ROOT))) {
        all.add(CloudDnsJson.zone(json, z));
      }
    }
    return Paging.page(
        json,
        "dns#managedZonesListResponse",
        "managedZones",
        all,
        maxResults,
        pageToken,
        defaultPageSize);
  }

  synchronized ObjectNode getZone(String project, String zone) {
    return CloudDnsJson.zone(json, zoneOr404(project, zone));
  }

  synchronized ObjectNode listRrsets(
      String project, String zone, String name, String type, String maxResults, String pageToken) {
    Zone z = zoneOr404(project, zone);
    if (type != null && name == null) {
      throw GoogleApiError.of(400, "invalid", "Invalid value for 'parameters.name': ''")
          .toFailure();
    }
    if (name != null && !name.endsWith(".")) {
      throw GoogleApiError.of(400, "invalid", "Invalid value for 'parameters.name': '" + name + "'")
          .toFailure();
    }
    List<ObjectNode> all = new ArrayList<>();
    for (FakeRrset r : z.rrsets.values()) {
      if ((name == null || r.name().equals(name.toLowerCase(Locale.ROOT)))
          && (type == null || r.type().equalsIgnoreCase(type))) {
        all.add(CloudDnsJson.rrset(json, r));
      }
    }
    return Paging.page(
        json,
        "dns#resourceRecordSetsListResponse",
        "rrsets",
        all,
        maxResults,
        pageToken,
        defaultPageSize);
  }

  synchronized ObjectNode createChange(
      String project, String zone, String clientOperationId, JsonNode body) {
    Zone z = zoneOr404(project, zone);
    if (z == outageZone && z.rrsets.size() >= outageFrom) {
      throw GoogleApiError.of(503, "backendError", "Backend Error").toFailure();
    }
    if (clientOperationId != null && z.byClientOperation.containsKey(clientOperationId)) {
      return changeJson(z.byClientOperation.get(clientOperationId));
    }
    Runnable race = beforeNextCreate;
    beforeNextCreate = null;
    if (race != null) {
      race.run();
    }
    ChangeCheck check = new ChangeCheck(z, project(project).quota, body);
    List<FakeRrset> deletions = check.deletions();
    List<FakeRrset> additions = check.additions();
    for (FakeRrset d : deletions) {
      z.rrsets.remove(d.key());
    }
    for (FakeRrset a : additions) {
      z.rrsets.put(a.key(), a);
    }
    String id = String.valueOf(z.changes.size() + 1);
    ObjectNode stored = json.createObjectNode().put("kind", "dns#change").put("id", id);
    ArrayNode add = stored.putArray("additions");
    additions.forEach(a -> add.add(CloudDnsJson.rrset(json, a)));
    ArrayNode del = stored.putArray("deletions");
    deletions.forEach(d -> del.add(CloudDnsJson.rrset(json, d)));
    ChangeRecord rec = new ChangeRecord(stored, clock.instant());
    z.changes.put(id, rec);
    if (clientOperationId != null) {
      z.byClientOperation.put(clientOperationId, rec);
    }
    return changeJson(rec);
  }

  synchronized ObjectNode getChange(String project, String zone, String changeId) {
    ChangeRecord c = zoneOr404(project, zone).changes.get(changeId);
    if (c == null) {
      throw GoogleApiError.of(
              404,
              "notFound",
              "The 'parameters.changeId' resource named '" + changeId + "' does not exist.")
          .toFailure();
    }
    c.gets++;
    return changeJson(c);
  }

  private ObjectNode changeJson(ChangeRecord c) {
    boolean done =
        c.gets > pendingGets
            || (doneAfter != null && !clock.instant().isBefore(c.start.plus(doneAfter)));
    return c.body
        .deepCopy()
        .put("startTime", c.start.toString())
        .put("status", done ? "done" : "pending");
  }

  private Project project(String project) {
    Project p = projects.get(project);
    if (p == null) {
      for (Project candidate : projects.values()) {
        if (candidate.number.equals(project)) {
          return candidate;
        }
      }
      throw GoogleApiError.of(
              404,
              "notFound",
              "The 'parameters.project' resource named '" + project + "' does not exist.")
          .toFailure();
    }
    return p;
  }

  private Zone zoneOr404(String project, String zone) {
    for (Zone z : project(project).zones.values()) {
      if (z.name.equals(zone) || z.id.equals(zone)) {
        return z;
      }
    }
    throw GoogleApiError.of(
            404,
            "notFound",
            "The 'parameters.managedZone' resource named '" + zone + "' does not exist.")
        .toFailure();
  }

  private Zone zone(String project, String zone) {
    Project p = projects.get(project);
    Zone z = p == null ? null : p.zones.get(zone);
    if (z == null) {
      throw new IllegalArgumentException("no zone " + project + "/" + zone);
    }
    return z;
  }
}
