package io.gordon.local.http;

import com.sun.net.httpserver.HttpServer;
import io.gordon.api.GordonException;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.SourceContext;
import io.gordon.local.spool.SpoolOptions;
import io.gordon.local.spool.SpoolReader;
import io.gordon.local.spool.SpoolWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code local.http}: an HTTP endpoint that writes accepted events to a spool and fsyncs them
 * before answering 202, and a spool reader that submits them to the core. A crash after a 202
 * loses nothing: the reader finds the events in the spool at the next start.
 */
final class HttpSource implements EventSource {
  /**
   * Connections the kernel queues before the server accepts them (capped by
   * net.core.somaxconn). Generous, so that a burst of clients waits instead of being reset.
   */
  private static final int BACKLOG = 1024;
  private final HttpSettings settings;
  private final PluginContext context;
  private final StatusTracker tracker;
  private final SpoolWriter writer;
  private final SpoolReader reader;
  private HttpServer server;
  private ExecutorService executor;

  HttpSource(HttpSettings settings, PluginContext context) {
    this.settings = settings;
    this.context = context;
    this.tracker = new StatusTracker(context.clock(), settings.retention(),
        settings.maxStatuses());
    this.writer = new SpoolWriter(settings.directory(), "http", settings.segmentBytes(),
        context.clock());
    this.reader = new SpoolReader(new SpoolOptions(settings.directory(), "http-*.jsonl",
        Duration.ofSeconds(1), Duration.ZERO, maxLine(settings), settings.retryDelay(),
        writer::active, false), context.events(), context.clock(), context.logger(), tracker);
  }

  /** A re-encoded event may be longer than its body (TXT escapes), never 4 times longer. */
  private static int maxLine(HttpSettings s) {
    return (int) Math.min(4L * s.maxBodyBytes() + 1024, 1 << 30);
  }

  @Override
  public void start() {
    InetAddress address = address();
    if (!address.isLoopbackAddress() && settings.token().isEmpty()) {
      throw new GordonException("local.http: refusing to listen on " + settings.host() + ":"
          + settings.port() + " without a token: anyone who reaches it could change DNS"
          + " records. Set token (e.g. token = { env = \"GORDON_HTTP_TOKEN\" }) or listen on"
          + " 127.0.0.1.");
    }
    try {
      reader.prepare();
      server = HttpServer.create(new InetSocketAddress(address, settings.port()), BACKLOG);
    } catch (IOException e) {
      throw new GordonException("local.http: cannot listen on " + settings.host() + ":"
          + settings.port() + ": " + e.getMessage(), e);
    }
    executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/v1/events", new EventsHandler(settings, context, writer, reader,
        tracker));
    server.start();
    context.logger().log(System.Logger.Level.INFO, "local.http listening on http://"
        + hostForUrl() + ":" + server.getAddress().getPort() + "/v1/events (spool "
        + settings.directory() + ")");
  }

  /** The bound port (useful with port 0). */
  synchronized int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void run(SourceContext ctx) throws Exception {
    reader.run(ctx);
  }

  @Override
  public void stop() {
    HttpServer s;
    synchronized (this) {
      s = server;
      server = null;
    }
    if (s != null) {
      s.stop(0);
    }
    reader.stop();
  }

  @Override
  public void shutdown() {
    stop();
    if (executor != null) {
      executor.shutdownNow();
    }
    try {
      writer.close();
    } catch (IOException e) {
      context.logger().log(System.Logger.Level.WARNING, "local.http: closing the spool: " + e);
    }
  }

  private InetAddress address() {
    try {
      return InetAddress.getByName(settings.host());
    } catch (UnknownHostException e) {
      throw new GordonException("local.http: cannot resolve listen host \"" + settings.host()
          + "\": " + e.getMessage(), e);
    }
  }

  private String hostForUrl() {
    String h = server.getAddress().getAddress().getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }
}
