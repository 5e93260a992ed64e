package io.gordon.local.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP/1.1 server for {@code local.http}: one virtual thread per connection, which reads a
 * request and runs the handler itself (no hand-over to an executor, so an answer costs no thread
 * switch), keep-alive, and the limits of {@link HttpLimits}. Written here instead of using the
 * JDK's {@code com.sun.net.httpserver}, whose timeouts and connection cap are JVM-wide system
 * properties and whose single dispatcher thread queues every request under load.
 */
final class Http1Server implements AutoCloseable {
  /** Answers one request; must not throw for a bad request (answer 4xx instead). */
  interface Handler {
    Response handle(Request request);
  }

  private final ServerSocket socket;
  private final HttpLimits limits;
  private final Handler handler;
  private final System.Logger log;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private Http1Server(ServerSocket socket, HttpLimits limits, Handler handler, System.Logger log) {
    this.socket = socket;
    this.limits = limits;
    this.handler = handler;
    this.log = log;
  }

  /** Binds {@code address} and starts accepting. */
  static Http1Server start(
      InetSocketAddress address, int backlog, HttpLimits limits, Handler handler, System.Logger log)
      throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(address, backlog);
    Http1Server server = new Http1Server(s, limits, handler, log);
    Thread.ofPlatform().daemon().name("local.http-accept").start(server::acceptLoop);
    return server;
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Open connections (for tests and metrics). */
  int connections() {
    return connections.size();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        if (!closed) {
          log.log(System.Logger.Level.WARNING, "local.http: accept failed: " + e);
          pause();
        }
        continue;
      }
      admit(s);
    }
  }

  private void admit(Socket s) {
    if (connections.size() >= limits.maxConnections() && !evictIdlest()) {
      refuse(s);
      return;
    }
    Connection c = new Connection(s, this);
    connections.add(c);
    try {
      Thread.ofVirtual().name("local.http-conn").start(c);
    } catch (RuntimeException e) {
      connections.remove(c);
      c.close();
    }
  }

  /** Closes the connection idle longest, to make room; false when none is idle. */
  private boolean evictIdlest() {
    Connection idlest = null;
    for (Connection c : connections) {
      long since = c.idleSince();
      if (since != Connection.BUSY && (idlest == null || since - idlest.idleSince() < 0)) {
        idlest = c;
      }
    }
    if (idlest == null) {
      return false;
    }
    idlest.close();
    connections.remove(idlest);
    return true;
  }

  private void refuse(Socket s) {
    try (s) {
      s.setSoTimeout(1000);
      Response.json(
              503,
              Json.error(
                          "too many connections (max_connections = "
                              + limits.maxConnections()
                              + "); retry later")
                      .toString()
                  + "\n")
          .closing()
          .write(s.getOutputStream());
    } catch (IOException e) {
      // the client is gone; nothing to tell
    }
  }

  private void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  HttpLimits limits() {
    return limits;
  }

  Handler handler() {
    return handler;
  }

  System.Logger log() {
    return log;
  }

  boolean closed() {
    return closed;
  }

  void ended(Connection c) {
    connections.remove(c);
  }

  /** Stops accepting and closes every connection; requests being answered are cut off. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    for (Connection c : connections) {
      c.close();
    }
    connections.clear();
  }

  /** Whether {@code e} only says the peer went away. */
  static boolean peerGone(IOException e) {
    return e instanceof SocketException || e instanceof java.io.EOFException;
  }
}
