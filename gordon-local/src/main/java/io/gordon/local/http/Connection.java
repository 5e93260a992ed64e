package io.gordon.local.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** One client connection of {@link Http1Server}: reads requests and answers them in turn. */
final class Connection implements Runnable {
  /** {@link #idleSince()} while a request is being handled. */
  static final long BUSY = Long.MIN_VALUE;

  private final Socket socket;
  private final Http1Server server;
  private final long connected = System.nanoTime();
  private volatile long idleSince = connected;

  Connection(Socket socket, Http1Server server) {
    this.socket = socket;
    this.server = server;
  }

  /** When this connection last became idle (nanoTime), or {@link #BUSY}. */
  long idleSince() {
    return idleSince;
  }

  @Override
  public void run() {
    HttpLimits limits = server.limits();
    try (socket) {
      socket.setTcpNoDelay(true);
      RequestReader reader = new RequestReader(socket, limits);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
      boolean first = true;
      while (!server.closed()) {
        Request r;
        try {
          r =
              reader.next(
                  first ? limits.headerTimeout().toMillis() : limits.idleTimeout().toMillis(),
                  first ? connected : 0);
        } catch (RequestReader.Gone | SocketTimeoutException e) {
          return;
        } catch (RequestReader.TlsHandshake e) {
          server.log().log(
              System.Logger.Level.WARNING,
              "local.http: TLS handshake from "
                  + socket.getRemoteSocketAddress()
                  + " on a plain-HTTP port: local.http serves HTTP only; put a TLS proxy in"
                  + " front");
          return;
        } catch (HttpProblem p) {
          p.response().write(out);
          return;
        }
        first = false;
        idleSince = BUSY;
        RequestTiming timing = new RequestTiming();
        timing.begin();
        timing.handling();
        long begun = System.nanoTime();
        Response answer = server.handler().handle(r);
        long handled = System.nanoTime();
        boolean close = answer.close() || wantsClose(r) || server.closed();
        (close ? answer.closing() : answer).write(out);
        timing.end();
        record(timing, answer.status(), begun, handled);
        if (close) {
          return;
        }
        idleSince = System.nanoTime();
      }
    } catch (IOException e) {
      if (!Http1Server.peerGone(e)) {
        server.log().log(System.Logger.Level.DEBUG, "local.http: connection failed: " + e);
      }
    } finally {
      server.ended(this);
    }
  }

  /** Commits the request's {@link RequestTiming} when a recording wants it. */
  private static void record(RequestTiming t, int status, long begun, long handled) {
    t.done();
    if (t.shouldCommit()) {
      long now = System.nanoTime();
      t.status = status;
      t.handling = handled - begun;
      t.write = now - handled;
      t.commit();
    }
  }

  private static boolean wantsClose(Request r) {
    String c = r.header("connection").orElse("");
    return c.equalsIgnoreCase("close");
  }

  void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
