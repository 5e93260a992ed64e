package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.gordon.api.model.RecordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates one changes.create body against a zone, collecting every problem (gcp-api.md 1.3 and
 * 1.4): nothing is applied unless every item passes. The answer's status is the first problem's.
 */
final class ChangeCheck {
  private final CloudDnsModel.Zone zone;
  private final Map<String, Integer> quota;
  private final List<FakeRrset> additions = new ArrayList<>();
  private final List<FakeRrset> deletions = new ArrayList<>();
  private final List<GoogleApiError.Item> problems = new ArrayList<>();
  private int status;

  ChangeCheck(CloudDnsModel.Zone zone, Map<String, Integer> quota, JsonNode body) {
    this.zone = zone;
    this.quota = quota;
    JsonNode adds = body.path("additions");
    JsonNode dels = body.path("deletions");
    if (adds.size() == 0 && dels.size() == 0) {
      throw GoogleApiError.of(
              400, "required", "The 'entity.change' parameter is required but was missing.")
          .toFailure();
    }
    checkQuotas(adds, dels);
    Set<String> deleted = new HashSet<>();
    for (int i = 0; i < dels.size(); i++) {
      FakeRrset d = parse("deletions", i, dels.get(i));
      if (d != null) {
        checkDeletion(i, d, adds);
        deleted.add(d.key());
      }
    }
    Set<String> added = new HashSet<>();
    for (int i = 0; i < adds.size(); i++) {
      FakeRrset a = parse("additions", i, adds.get(i));
      if (a != null) {
        checkAddition(i, a, deleted, added);
      }
    }
    if (problems.isEmpty()) {
      checkResult();
    }
    if (!problems.isEmpty()) {
      throw new GoogleApiError(status, problems).toFailure();
    }
  }

  List<FakeRrset> additions() {
    return additions;
  }

  List<FakeRrset> deletions() {
    return deletions;
  }

  private void problem(int code, String reason, String message) {
    if (problems.isEmpty()) {
      status = code;
    }
    problems.add(new GoogleApiError.Item(reason, message));
  }

  private void checkQuotas(JsonNode adds, JsonNode dels) {
    if (adds.size() > quota.get("rrsetAdditionsPerChange")) {
      problem(403, "quotaExceeded", "The change would exceed quota for additions per change.");
    }
    if (dels.size() > quota.get("rrsetDeletionsPerChange")) {
      problem(403, "quotaExceeded", "The change would exceed quota for deletions per change.");
    }
    int bytes = 0;
    for (JsonNode list : List.of(adds, dels)) {
      for (JsonNode r : list) {
        for (JsonNode d : r.path("rrdatas")) {
          bytes += d.asText().length();
        }
      }
    }
    if (bytes > quota.get("totalRrdataSizePerChange")) {
      problem(
          403, "quotaExceeded", "The change would exceed quota for total rrdata size per change.");
    }
    if (!problems.isEmpty()) {
      throw new GoogleApiError(status, problems).toFailure();
    }
  }

  private FakeRrset parse(String list, int i, JsonNode r) {
    String where = "entity.change." + list + "[" + i + "]";
    String name = r.path("name").asText("").toLowerCase(Locale.ROOT);
    String type = r.path("type").asText("").toUpperCase(Locale.ROOT);
    int before = problems.size();
    if (!name.endsWith(".") || !(name.equals(zone.dnsName) || name.endsWith("." + zone.dnsName))) {
      problem(
          400,
          "invalid",
          "Invalid value for '" + where + ".name': '" + r.path("name").asText("") + "'");
    }
    if (!type.equals("SOA") && !isKnown(type)) {
      problem(400, "invalid", "Invalid value for '" + where + ".type': '" + type + "'");
    }
    if (!r.path("ttl").isInt() || r.path("ttl").asInt() < 0) {
      problem(
          400,
          "invalid",
          "Invalid value for '" + where + ".ttl': '" + r.path("ttl").asText("") + "'");
    }
    List<String> data = new ArrayList<>();
    JsonNode rrdatas = r.path("rrdatas");
    if (rrdatas.size() == 0) {
      problem(
          400,
          "required",
          "The '" + where + ".rrdata' parameter is required but was " + "missing.");
    }
    for (int k = 0; k < rrdatas.size(); k++) {
      String c = FakeRrset.canonical(type, rrdatas.get(k).asText());
      if (c == null) {
        problem(
            400,
            "invalid",
            "Invalid value for '"
                + where
                + ".rrdata["
                + k
                + "]': '"
                + rrdatas.get(k).asText()
                + "'");
      }
      data.add(c);
    }
    if (problems.size() > before) {
      return null;
    }
    return new FakeRrset(name, type, r.path("ttl").asInt(), data);
  }

  private static boolean isKnown(String type) {
    try {
      RecordType.valueOf(type);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void checkDeletion(int i, FakeRrset d, JsonNode adds) {
    String where = "entity.change.deletions[" + i + "]";
    FakeRrset live = zone.rrsets.get(d.key());
    if (live == null) {
      problem(
          404,
          "notFound",
          "The '"
              + where
              + "' resource named '"
              + d.name()
              + " ("
              + d.type()
              + ")' does not exist.");
    } else if (!live.sameData(d)) {
      problem(412, "conditionNotMet", "Precondition not met for '" + where + "'");
    } else if (d.name().equals(zone.dnsName)
        && (d.type().equals("SOA") || d.type().equals("NS"))
        && !addsKey(adds, d)) {
      problem(
          400,
          "invalidZoneApex",
          "The resource record set '"
              + where
              + "' is invalid "
              + "because a zone must contain exactly one resource record set of type '"
              + d.type()
              + "' at the apex.");
    } else {
      deletions.add(live);
    }
  }

  private static boolean addsKey(JsonNode adds, FakeRrset d) {
    for (JsonNode a : adds) {
      if (a.path("name").asText("").equalsIgnoreCase(d.name())
          && a.path("type").asText("").equalsIgnoreCase(d.type())) {
        return true;
      }
    }
    return false;
  }

  private void checkAddition(int i, FakeRrset a, Set<String> deleted, Set<String> added) {
    String where = "entity.change.additions[" + i + "]";
    if (a.rrdatas().size() > quota.get("resourceRecordsPerRrset")) {
      problem(
          403, "quotaExceeded", "The change would exceed quota for resource records per rrset.");
    } else if ((zone.rrsets.containsKey(a.key()) && !deleted.contains(a.key()))
        || !added.add(a.key())) {
      problem(
          409,
          "alreadyExists",
          "The resource '"
              + where
              + "' named '"
              + a.name()
              + " ("
              + a.type()
              + ")' already exists");
    } else {
      additions.add(a);
    }
  }

  /** Checks the zone as it would be after the change: CNAME exclusivity and the zone quota. */
  private void checkResult() {
    Map<String, FakeRrset> after = new HashMap<>(zone.rrsets);
    deletions.forEach(d -> after.remove(d.key()));
    additions.forEach(a -> after.put(a.key(), a));
    for (int i = 0; i < additions.size(); i++) {
      FakeRrset a = additions.get(i);
      for (FakeRrset other : after.values()) {
        boolean clash =
            other.name().equals(a.name())
                && !other.type().equals(a.type())
                && (a.type().equals("CNAME") || other.type().equals("CNAME"));
        if (clash) {
          problem(
              400,
              "cnameResourceRecordSetConflict",
              "The resource record set "
                  + "'entity.change.additions["
                  + i
                  + "]' is invalid because the DNS name '"
                  + a.name()
                  + "' has a resource record set of the type '"
                  + other.type()
                  + "'. A "
                  + "DNS name may have either one CNAME resource record set or resource record "
                  + "sets of other types, but not both.");
          break;
        }
      }
    }
    if (after.size() > quota.get("rrsetsPerManagedZone")) {
      problem(403, "quotaExceeded", "The change would exceed quota for rrsets per managed zone.");
    }
  }
}
