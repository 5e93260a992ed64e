package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST paths of {@link FakeGoogleApis}: which {@link Route} a request is, and the call to the
 * fake Cloud DNS or Compute state that answers it, with the path's parameters decoded.
 */
final class ApiDispatch {
  private static final String ZONE = "/dns/v1/projects/([^/]+)/managedZones/([^/]+)";
  private static final Pattern PROJECT = Pattern.compile("/dns/v1/projects/([^/]+)");
  private static final Pattern ZONES = Pattern.compile("/dns/v1/projects/([^/]+)/managedZones");
  private static final Pattern ZONE_ONE = Pattern.compile(ZONE);
  private static final Pattern RRSETS = Pattern.compile(ZONE + "/rrsets");
  private static final Pattern CHANGES = Pattern.compile(ZONE + "/changes");
  private static final Pattern CHANGE = Pattern.compile(ZONE + "/changes/([^/]+)");
  private static final Pattern INSTANCE =
      Pattern.compile("/compute/v1/projects/([^/]+)/zones/([^/]+)/instances/([^/]+)");

  private static final Pattern AGGREGATED =
      Pattern.compile("/compute/v1/projects/([^/]+)/aggregated/instances");
  private static final Pattern CRM_PROJECTS = Pattern.compile("/v1/projects");

  private final ObjectMapper json;
  private final FakeCloudDns dns;
  private final FakeCompute compute;

  ApiDispatch(ObjectMapper json, FakeCloudDns dns, FakeCompute compute) {
    this.json = json;
    this.dns = dns;
    this.compute = compute;
  }

  /** The route of a request. */
  static Route route(String method, String path) {
    boolean get = method.equals("GET");
    if (get && PROJECT.matcher(path).matches()) {
      return Route.PROJECTS_GET;
    } else if (get && ZONES.matcher(path).matches()) {
      return Route.ZONES_LIST;
    } else if (get && ZONE_ONE.matcher(path).matches()) {
      return Route.ZONES_GET;
    } else if (get && RRSETS.matcher(path).matches()) {
      return Route.RRSETS_LIST;
    } else if (method.equals("POST") && CHANGES.matcher(path).matches()) {
      return Route.CHANGES_CREATE;
    } else if (get && CHANGE.matcher(path).matches()) {
      return Route.CHANGES_GET;
    } else if (get && INSTANCE.matcher(path).matches()) {
      return Route.INSTANCES_GET;
    } else if (get && AGGREGATED.matcher(path).matches()) {
      return Route.INSTANCES_AGGREGATED;
    } else if (get && CRM_PROJECTS.matcher(path).matches()) {
      return Route.CRM_PROJECTS_LIST;
    }
    return Route.UNKNOWN;
  }

  /** The answer to a request on {@code route}; throws {@link GoogleApiError.Failure}. */
  JsonNode answer(Route route, String path, Map<String, String> q, String body) throws IOException {
    return switch (route) {
      case PROJECTS_GET -> dns.getProject(group(PROJECT, path, 1));
      case ZONES_LIST ->
          dns.listZones(
              group(ZONES, path, 1), q.get("dnsName"), q.get("maxResults"), q.get("pageToken"));
      case ZONES_GET -> dns.getZone(group(ZONE_ONE, path, 1), group(ZONE_ONE, path, 2));
      case RRSETS_LIST ->
          dns.listRrsets(
              group(RRSETS, path, 1),
              group(RRSETS, path, 2),
              q.get("name"),
              q.get("type"),
              q.get("maxResults"),
              q.get("pageToken"));
      case CHANGES_CREATE ->
          dns.createChange(
              group(CHANGES, path, 1),
              group(CHANGES, path, 2),
              q.get("clientOperationId"),
              json.readTree(body.isEmpty() ? "{}" : body));
      case CHANGES_GET ->
          dns.getChange(group(CHANGE, path, 1), group(CHANGE, path, 2), group(CHANGE, path, 3));
      case INSTANCES_GET ->
          compute.getInstance(
              group(INSTANCE, path, 1), group(INSTANCE, path, 2), group(INSTANCE, path, 3));
      case INSTANCES_AGGREGATED ->
          compute.aggregatedList(
              group(AGGREGATED, path, 1), q.get("filter"), q.get("maxResults"), q.get("pageToken"));
      case CRM_PROJECTS_LIST -> compute.listProjects(q.get("pageSize"), q.get("pageToken"));
      case ANY, UNKNOWN ->
          throw GoogleApiError.of(
                  404, "notFound", "The requested URL " + path + " was not found on this server.")
              .toFailure();
    };
  }

  private static String group(Pattern p, String path, int n) {
    Matcher m = p.matcher(path);
    if (!m.matches()) {
      throw new IllegalStateException(path);
    }
    return URLDecoder.decode(m.group(n), StandardCharsets.UTF_8);
  }
}
