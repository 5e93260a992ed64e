package io.gordon.gcp.janitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lists projects (Resource Manager v1, ACTIVE only) and instances (Compute Engine's aggregated
 * list), every page, applying the tag and metadata blacklists as the original's GCE client did.
 */
final class GceListing {
  private final int projectPage;
  private final int instancePage;
  private final GoogleGet http;
  private final GceSettings settings;
  private final System.Logger log;

  /**
   * An instance with an external address.
   *
   * @param project its project
   * @param name its name
   * @param natIp the first access config's address of its first network interface
   */
  record Instance(String project, String name, String natIp) {}

  GceListing(GoogleGet http, GceSettings settings, System.Logger log) {
    this(http, settings, log, 1000, 500);
  }

  /** With other page sizes, for tests of paging. */
  GceListing(
      GoogleGet http, GceSettings settings, System.Logger log, int projectPage, int instancePage) {
    this.projectPage = projectPage;
    this.instancePage = instancePage;
    this.http = http;
    this.settings = settings;
    this.log = log;
  }

  /** The projects to list: the whitelist, or Resource Manager's ACTIVE ones; minus blacklist. */
  List<String> projects() throws GoogleGet.Failure {
    TreeSet<String> out = new TreeSet<>(settings.whitelist());
    if (settings.whitelist().isEmpty()) {
      String token = null;
      do {
        JsonObject page =
            http.get(
                settings.crmRoot()
                    + "v1/projects?pageSize="
                    + projectPage
                    + (token == null ? "" : "&pageToken=" + enc(token)));
        for (JsonElement p : array(page, "projects")) {
          JsonObject o = p.getAsJsonObject();
          if (text(o, "lifecycleState").equalsIgnoreCase("active")) {
            out.add(text(o, "projectId"));
          }
        }
        token = page.has("nextPageToken") ? page.get("nextPageToken").getAsString() : null;
      } while (token != null);
    }
    out.removeAll(settings.blacklist());
    return List.copyOf(out);
  }

  /** The instances of {@code project} that have an external address and are not blacklisted. */
  List<Instance> instances(String project) throws GoogleGet.Failure {
    List<Instance> out = new ArrayList<>();
    String token = null;
    do {
      String url =
          settings.computeRoot()
              + "compute/v1/projects/"
              + enc(project)
              + "/aggregated/instances?maxResults="
              + instancePage
              + (settings.filter().isEmpty() ? "" : "&filter=" + enc(settings.filter()))
              + (token == null ? "" : "&pageToken=" + enc(token));
      JsonObject page = http.get(url);
      if (page.has("items") && page.get("items").isJsonObject()) {
        for (Map.Entry<String, JsonElement> zone : page.getAsJsonObject("items").entrySet()) {
          for (JsonElement i : array(zone.getValue().getAsJsonObject(), "instances")) {
            instance(project, i.getAsJsonObject(), out);
          }
        }
      }
      token = page.has("nextPageToken") ? page.get("nextPageToken").getAsString() : null;
    } while (token != null);
    return out;
  }

  private void instance(String project, JsonObject i, List<Instance> out) {
    String name = text(i, "name");
    if (blacklisted(i)) {
      log.log(
          System.Logger.Level.DEBUG, "instance {0} of {1} is blacklisted, skipping", name, project);
      return;
    }
    JsonArray nics = array(i, "networkInterfaces");
    JsonArray access =
        nics.isEmpty() ? new JsonArray() : array(nics.get(0).getAsJsonObject(), "accessConfigs");
    String ip = access.isEmpty() ? "" : text(access.get(0).getAsJsonObject(), "natIP");
    if (ip.isEmpty()) {
      log.log(
          System.Logger.Level.DEBUG,
          "instance {0} of {1} has no external address," + " skipping",
          name,
          project);
      return;
    }
    out.add(new Instance(project, name.toLowerCase(Locale.ROOT), ip));
  }

  private boolean blacklisted(JsonObject i) {
    JsonObject tags = i.has("tags") ? i.getAsJsonObject("tags") : new JsonObject();
    for (JsonElement t : array(tags, "items")) {
      if (settings.tagBlacklist().contains(t.getAsString())) {
        return true;
      }
    }
    JsonObject md = i.has("metadata") ? i.getAsJsonObject("metadata") : new JsonObject();
    for (JsonElement e : array(md, "items")) {
      JsonObject kv = e.getAsJsonObject();
      if (settings.metadataBlacklist().contains(Map.entry(text(kv, "key"), text(kv, "value")))) {
        return true;
      }
    }
    return false;
  }

  private static JsonArray array(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
  }

  private static String text(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
