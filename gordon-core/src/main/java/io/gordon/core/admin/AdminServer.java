package io.gordon.core.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.gordon.api.config.HostPort;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.metrics.PrometheusRelay;
import io.gordon.core.runtime.HealthRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server ([core.admin]): {@code /healthz} answers 200 while the process runs, {@code
 * /readyz} 503 until every plugin started and while one has been failing longer than
 * core.health_threshold (the body names each and why), {@code /metrics} the Prometheus text when
 * that relay is active, else the router's running totals as text.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("gordon.admin");

  /** Most connections open at once; the JDK server closes a new one beyond it unanswered. */
  static final int MAX_CONNECTIONS = 256;

  /** Seconds a request (head and body) may take to arrive before its connection is closed. */
  static final int MAX_REQUEST_SECONDS = 10;

  /** The JDK server's JVM-wide cap on open connections. */
  static final String MAX_CONNECTIONS_PROPERTY = "jdk.httpserver.maxConnections";

  /** The JDK server's JVM-wide time limit, in seconds, for a request to arrive. */
  static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private AdminServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the server on {@code listen} ("host:port", port 0 picks one).
   *
   * @param stats the router's totals for /metrics when no Prometheus relay is active
   */
  public static AdminServer start(
      String listen, HealthRegistry health, MetricRelay metrics, Supplier<Map<String, Long>> stats)
      throws IOException {
    limitJdkHttpServers(System.getProperties());
    HttpServer s = HttpServer.create(address(listen), 64);
    AdminServer admin = new AdminServer(s);
    s.setExecutor(admin.executor);
    // A context matches every path it prefixes ("/readyzz"), and an unmatched path got the
    // JDK's HTML page: each path answers exactly, anything else a 404 naming the three.
    s.createContext("/", AdminServer::notFound);
    s.createContext("/healthz", exact("/healthz", ex -> reply(ex, 200, "text/plain", "ok\n")));
    s.createContext("/readyz", exact("/readyz", ex -> ready(ex, health)));
    s.createContext("/metrics", exact("/metrics", ex -> metrics(ex, metrics, stats)));
    s.start();
    LOG.info(
        "admin server listening on http://{}:{}/ (healthz, readyz, metrics)",
        s.getAddress().getHostString(),
        admin.port());
    return admin;
  }

  /**
   * Sets the admin server's limits in {@code properties} (the system properties) where the operator
   * set none: a -D of theirs (GORDON_JAVA_OPTS) wins. The JDK server reads each request on its own
   * thread with no time limit and accepts connections without bound: 8,380 connections that sent
   * half a request line held the 256 MB heap and the process ended with OutOfMemoryError
   * (acceptance pass 3). Its only limits are these properties, JVM-wide and read once, when the
   * process's first JDK server is made: so they are set just before the admin server is made (not
   * when this class is loaded), and every other JDK server in the process shares them (gordon's own
   * plugins use none; see docs/operations.md).
   */
  static void limitJdkHttpServers(Properties properties) {
    properties.putIfAbsent(MAX_CONNECTIONS_PROPERTY, Integer.toString(MAX_CONNECTIONS));
    properties.putIfAbsent(MAX_REQUEST_TIME_PROPERTY, Integer.toString(MAX_REQUEST_SECONDS));
  }

  private static HttpHandler exact(String path, HttpHandler handler) {
    return ex -> {
      if (ex.getRequestURI().getPath().equals(path)) {
        handler.handle(ex);
      } else {
        notFound(ex);
      }
    };
  }

  private static void notFound(HttpExchange ex) throws IOException {
    reply(
        ex,
        404,
        "text/plain",
        "no such path "
            + ex.getRequestURI().getPath()
            + " (expected /healthz, /readyz or /metrics)\n");
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  static InetSocketAddress address(String listen) {
    return HostPort.parse(listen)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "core.admin.listen \"" + listen + "\" is not host:port (e.g. 127.0.0.1:9053)"))
        .socketAddress();
  }

  private static void ready(HttpExchange ex, HealthRegistry health) throws IOException {
    List<String> problems = health.problemsWithNextSteps();
    StringBuilder body = new StringBuilder(problems.isEmpty() ? "ready\n" : "not ready\n");
    problems.forEach(p -> body.append(p).append('\n'));
    if (problems.isEmpty()) {
      health.summary().forEach((k, v) -> body.append(k).append(": ").append(v).append('\n'));
    }
    reply(ex, problems.isEmpty() ? 200 : 503, "text/plain", body.toString());
  }

  private static void metrics(
      HttpExchange ex, MetricRelay metrics, Supplier<Map<String, Long>> stats) throws IOException {
    if (metrics instanceof PrometheusRelay p) {
      reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", p.scrape());
      return;
    }
    StringBuilder sb = new StringBuilder();
    stats
        .get()
        .forEach(
            (k, v) -> sb.append("gordon_router_").append(k).append(' ').append(v).append('\n'));
    reply(ex, 200, "text/plain; charset=utf-8", sb.toString());
  }

  private static void reply(HttpExchange ex, int status, String type, String body)
      throws IOException {
    try (ex) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", type);
      if (ex.getRequestMethod().equals("HEAD")) {
        ex.sendResponseHeaders(status, -1);
        return;
      }
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
