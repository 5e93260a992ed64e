package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The control routes under {@code /_fake/} of a fake started as a process ({@link
 * FakeGoogleApisMain}), so that a person with {@code curl} can set up and break what a test sets up
 * in code. Every parameter is a query parameter; {@code rrdata} may repeat. Answers are JSON or
 * {@code ok}; a bad request is a 400 naming the parameter.
 */
final class FakeControl {
  private final ObjectMapper json;
  private final FakeGoogleApis apis;

  FakeControl(ObjectMapper json, FakeGoogleApis apis) {
    this.json = json;
    this.apis = apis;
  }

  void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String op = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
      Map<String, List<String>> q = params(ex.getRequestURI().getRawQuery());
      String answer;
      int status = 200;
      try {
        answer = answer(op, q);
      } catch (IllegalArgumentException | IllegalStateException e) {
        status = 400;
        answer = e.getMessage() + "\n";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }

  private String answer(String op, Map<String, List<String>> q) throws IOException {
    FakeCloudDns dns = apis.dns();
    FakeCompute compute = apis.compute();
    switch (op) {
      case "POST /_fake/zone" -> dns.addZone(one(q, "project"), one(q, "name"), one(q, "dns_name"));
      case "GET /_fake/rrsets" -> {
        ArrayNode out = json.createArrayNode();
        dns.rrsets(one(q, "project"), one(q, "zone"))
            .forEach(r -> out.add(CloudDnsJson.rrset(json, r)));
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
      }
      case "POST /_fake/rrset" -> dns.put(one(q, "project"), one(q, "zone"), rrset(q));
      case "POST /_fake/race" -> {
        String project = one(q, "project");
        String zone = one(q, "zone");
        FakeRrset r = rrset(q);
        dns.beforeNextCreate(() -> dns.put(project, zone, r));
      }
      case "DELETE /_fake/rrset" -> dns.remove(one(q, "project"), one(q, "zone"), name(q), type(q));
      case "POST /_fake/quota" ->
          dns.setQuota(one(q, "project"), one(q, "field"), number(q, "value"));
      case "POST /_fake/pending" -> {
        if (q.containsKey("never")) {
          dns.changesNeverDone();
        } else {
          dns.changesStayPendingFor(number(q, "gets"));
        }
      }
      case "POST /_fake/page_size" -> dns.setDefaultPageSize(number(q, "size"));
      case "POST /_fake/fail" -> apis.failNext(route(q), number(q, "status"), number(q, "count"));
      case "POST /_fake/drop" -> apis.dropResponseNext(route(q), number(q, "count"));
      case "POST /_fake/instance" -> addInstance(compute, q);
      case "DELETE /_fake/instance" ->
          compute.removeInstance(one(q, "project"), one(q, "zone"), one(q, "name"));
      case "GET /_fake/requests" -> {
        StringBuilder out = new StringBuilder();
        for (FakeGoogleApis.RecordedRequest r : apis.requests()) {
          out.append(r.method()).append(' ').append(r.route()).append(' ').append(r.path());
          out.append(r.query().isEmpty() ? "" : " " + r.query()).append('\n');
        }
        return out.toString();
      }
      default -> throw new IllegalArgumentException("no control route " + op);
    }
    return "ok\n";
  }

  private static void addInstance(FakeCompute compute, Map<String, List<String>> q) {
    String project = one(q, "project");
    String zone = one(q, "zone");
    String name = one(q, "name");
    compute.addInstance(project, zone, name, optional(q, "ip"), optional(q, "internal_ip"));
    if (q.containsKey("unaddressed_gets")) {
      compute.withoutAddressFor(project, zone, name, number(q, "unaddressed_gets"));
    }
    if (q.containsKey("tag")) {
      compute.setTags(project, zone, name, q.get("tag").toArray(String[]::new));
    }
    if (q.containsKey("metadata")) {
      Map<String, String> items = new TreeMap<>();
      for (String kv : q.get("metadata")) {
        int eq = kv.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("metadata " + kv + ": expected key=value");
        }
        items.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      compute.setMetadata(project, zone, name, items);
    }
    if (q.containsKey("status")) {
      compute.setStatus(project, zone, name, one(q, "status"));
    }
  }

  private static FakeRrset rrset(Map<String, List<String>> q) {
    List<String> rrdatas = q.get("rrdata");
    if (rrdatas == null) {
      throw new IllegalArgumentException("missing parameter rrdata (repeat it for each)");
    }
    return new FakeRrset(name(q), type(q), number(q, "ttl"), rrdatas);
  }

  private static String name(Map<String, List<String>> q) {
    return one(q, "name").toLowerCase(Locale.ROOT);
  }

  private static String type(Map<String, List<String>> q) {
    return one(q, "type").toUpperCase(Locale.ROOT);
  }

  private static Route route(Map<String, List<String>> q) {
    String r = q.containsKey("route") ? one(q, "route") : "ANY";
    try {
      return Route.valueOf(r.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "route " + r + ": expected one of " + List.of(Route.values()), e);
    }
  }

  private static int number(Map<String, List<String>> q, String key) {
    String v = one(q, key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " " + v + ": expected an integer", e);
    }
  }

  private static String optional(Map<String, List<String>> q, String key) {
    return q.containsKey(key) ? one(q, key) : null;
  }

  private static String one(Map<String, List<String>> q, String key) {
    List<String> v = q.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("missing parameter " + key);
    }
    return v.getLast();
  }

  private static Map<String, List<String>> params(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    return out;
  }
}
