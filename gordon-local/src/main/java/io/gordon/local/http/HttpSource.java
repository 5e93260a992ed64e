package io.gordon.local.http;

import io.gordon.api.GordonException;
import io.gordon.api.io.DirectoryLock;
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

/**
 * {@code local.http}: an HTTP endpoint that writes accepted events to a spool and fsyncs them
 * before answering 202, and a spool reader that submits them to the core. A crash after a 202 loses
 * nothing: the reader finds the events in the spool at the next start. The spool directory is
 * locked ({@link DirectoryLock}) from start to shutdown.
 */
final class HttpSource implements EventSource {
  /**
   * Connections the kernel queues before the server accepts them (capped by net.core.somaxconn).
   * Generous, so that a burst of clients waits instead of being reset.
   */
  private static final int BACKLOG = 1024;

  private final HttpSettings settings;
  private final PluginContext context;
  private final StatusTracker tracker;
  private final SpoolWriter writer;
  private final SpoolReader reader;
  private Http1Server server;

  /** Held from start to shutdown: only this process writes the spool. */
  private DirectoryLock lock;

  HttpSource(HttpSettings settings, PluginContext context) {
    this.settings = settings;
    this.context = context;
    this.tracker = new StatusTracker(context.clock(), settings.retention(), settings.maxStatuses());
    this.writer =
        new SpoolWriter(settings.directory(), "http", settings.segmentBytes(), context.clock());
    this.reader =
        new SpoolReader(
            new SpoolOptions(
                settings.directory(),
                "http-*.jsonl",
                Duration.ofSeconds(1),
                Duration.ZERO,
                maxLine(settings),
                settings.retryDelay(),
                writer::active,
                false),
            writer,
            settings.doneRetention(),
            context.events(),
            context.clock(),
            context.logger(),
            context.metrics(),
            context.pluginName(),
            tracker);
  }

  /** A re-encoded event may be longer than its body (TXT escapes), never 4 times longer. */
  private static int maxLine(HttpSettings s) {
    return (int) Math.min(4L * s.maxBodyBytes() + 1024, 1 << 30);
  }

  @Override
  public void start() {
    InetAddress address = address();
    if (!address.isLoopbackAddress() && settings.token().isEmpty()) {
      throw new GordonException(
          "local.http: refusing to listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " without a token: anyone who reaches it could change DNS"
              + " records. Set token (e.g. token = { env = \"GORDON_HTTP_TOKEN\" }) or listen on"
              + " 127.0.0.1.");
    }
    lock = DirectoryLock.acquire(settings.directory(), "local.http spool");
    try {
      reader.prepare();
      RequestPolicy policy =
          new RequestPolicy(address, settings.allowedHosts(), settings.allowedOrigins());
      server =
          Http1Server.start(
              new InetSocketAddress(address, settings.port()),
              BACKLOG,
              settings.limits(),
              new EventsHandler(settings, context, writer, tracker, policy),
              context.logger());
    } catch (IOException e) {
      lock.close();
      throw new GordonException(
          "local.http: cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage(),
          e);
    }
    context
        .logger()
        .log(
            System.Logger.Level.INFO,
            "local.http listening on http://"
                + hostForUrl()
                + ":"
                + port()
                + "/v1/events (spool "
                + settings.directory()
                + ")");
  }

  /** The bound port (useful with port 0). */
  synchronized int port() {
    return server.address().getPort();
  }

  /** Open client connections. */
  synchronized int connections() {
    return server == null ? 0 : server.connections();
  }

  @Override
  public void run(SourceContext ctx) throws Exception {
    reader.run(ctx);
  }

  @Override
  public void stop() {
    Http1Server s;
    synchronized (this) {
      s = server;
    }
    if (s != null) {
      s.close();
    }
    reader.stop();
  }

  @Override
  public void shutdown() {
    stop();
    try {
      writer.close();
    } catch (IOException e) {
      context.logger().log(System.Logger.Level.WARNING, "local.http: closing the spool: " + e);
    }
    if (lock != null) {
      lock.close();
    }
  }

  private InetAddress address() {
    try {
      return InetAddress.getByName(settings.host());
    } catch (UnknownHostException e) {
      throw new GordonException(
          "local.http: cannot resolve listen host \"" + settings.host() + "\": " + e.getMessage(),
          e);
    }
  }

  private String hostForUrl() {
    String h = server.address().getAddress().getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }
}
