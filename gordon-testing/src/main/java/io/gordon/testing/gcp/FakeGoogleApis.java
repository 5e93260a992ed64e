package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A stateful fake of the Cloud DNS v1 and Compute v1 REST APIs on a JDK {@link HttpServer} bound to
 * a free loopback port. Point a client's root URL at {@link #rootUrl()}. Failures can be injected
 * per route ({@link #failNext}), answers can be lost after the work is done ({@link
 * #dropResponseNext}), and every request is recorded. Start one per test class.
 */
public final class FakeGoogleApis implements AutoCloseable {
  /** The API methods the fake serves. */
  public enum Route {
    /** Matches every route, for fault injection. */
    ANY,
    PROJECTS_GET,
    ZONES_LIST,
    ZONES_GET,
    RRSETS_LIST,
    CHANGES_CREATE,
    CHANGES_GET,
    INSTANCES_GET,
    INSTANCES_AGGREGATED,
    CRM_PROJECTS_LIST,
    UNKNOWN
  }

  /**
   * A request as received.
   *
   * @param method HTTP method
   * @param route the route it matched
   * @param path the path
   * @param query decoded query parameters
   * @param body the (decompressed) body, empty for none
   * @param authorization the Authorization header, or empty when none was sent
   */
  public record RecordedRequest(
      String method,
      Route route,
      String path,
      Map<String, String> query,
      String body,
      String authorization) {}

  private record Fault(Route route, int status, boolean drop) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final FakeCloudDns dns;
  private final FakeCompute compute;
  private final ApiDispatch dispatch;
  private final List<Fault> faults = new ArrayList<>();
  private final List<RecordedRequest> requests = new ArrayList<>();

  private FakeGoogleApis(Clock clock, int port) throws IOException {
    dns = new FakeCloudDns(json, clock);
    compute = new FakeCompute(json);
    dispatch = new ApiDispatch(json, dns, compute);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a fake on a free loopback port. */
  public static FakeGoogleApis start() {
    return start(Clock.systemUTC());
  }

  /** Starts a fake whose change timestamps and delays follow {@code clock}. */
  public static FakeGoogleApis start(Clock clock) {
    return start(clock, 0);
  }

  /** Starts a fake on loopback port {@code port} (0 for a free one). */
  public static FakeGoogleApis start(Clock clock, int port) {
    try {
      return new FakeGoogleApis(clock, port);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the fake Google APIs server on 127.0.0.1:" + port, e);
    }
  }

  /**
   * Serves the control routes under {@code /_fake/} (see {@link FakeControl}), for a fake run as a
   * process and driven with curl.
   */
  public void serveControl() {
    server.createContext("/_fake/", new FakeControl(json, this)::handle);
  }

  /** The root URL to give the API clients, with a trailing slash. */
  public String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The Cloud DNS state. */
  public FakeCloudDns dns() {
    return dns;
  }

  /** The Compute state. */
  public FakeCompute compute() {
    return compute;
  }

  /** The next {@code count} requests on {@code route} answer {@code status} in Google's format. */
  public synchronized void failNext(Route route, int status, int count) {
    for (int i = 0; i < count; i++) {
      faults.add(new Fault(route, status, false));
    }
  }

  /** The next {@code count} requests on any route answer {@code status}. */
  public void failNext(int status, int count) {
    failNext(Route.ANY, status, count);
  }

  /**
   * The next {@code count} requests on {@code route} are carried out but their answer is lost: the
   * connection closes without a response, as when a network fails after the server acted.
   */
  public synchronized void dropResponseNext(Route route, int count) {
    for (int i = 0; i < count; i++) {
      faults.add(new Fault(route, 0, true));
    }
  }

  /** Every request received so far. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests received so far on {@code route}. */
  public synchronized List<RecordedRequest> requests(Route route) {
    return requests.stream().filter(r -> r.route() == route).toList();
  }

  /** Forgets the recorded requests and pending faults. */
  public synchronized void reset() {
    requests.clear();
    faults.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      Map<String, String> query = query(ex.getRequestURI().getRawQuery());
      String body = body(ex);
      String method = ex.getRequestMethod();
      Route route = ApiDispatch.route(method, path);
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      Fault fault;
      synchronized (this) {
        requests.add(
            new RecordedRequest(method, route, path, query, body, auth == null ? "" : auth));
        fault = takeFault(route);
      }
      if (fault != null && !fault.drop()) {
        send(ex, GoogleApiError.injected(fault.status()));
        return;
      }
      String answer;
      try {
        answer = dispatch.answer(route, path, query, body).toString();
      } catch (GoogleApiError.Failure f) {
        if (fault == null) {
          send(ex, f.error);
        }
        return;
      }
      if (fault == null) {
        send(ex, 200, answer);
      }
    }
  }

  private Fault takeFault(Route route) {
    for (int i = 0; i < faults.size(); i++) {
      Fault f = faults.get(i);
      if (f.route() == Route.ANY || f.route() == route) {
        return faults.remove(i);
      }
    }
    return null;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        out.put(k, v);
      }
    }
    return out;
  }

  private static String body(HttpExchange ex) throws IOException {
    InputStream in = ex.getRequestBody();
    if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private void send(HttpExchange ex, GoogleApiError error) throws IOException {
    send(ex, error.status(), error.toJson(json));
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
