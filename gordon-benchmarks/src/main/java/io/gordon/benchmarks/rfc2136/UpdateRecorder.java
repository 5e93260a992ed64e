package io.gordon.benchmarks.rfc2136;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy in front of a DNS server that keeps a copy of every UPDATE message passing through it
 * (as sent, TSIG included), so that a benchmark can replay exactly what a client sent: the {@code
 * rfc2136} provider, unchanged and seen from outside, renders the messages of the ceiling
 * measurement ({@link Ceiling}). Everything is forwarded; answers are copied back as they come.
 */
final class UpdateRecorder implements AutoCloseable {
  private static final int OPCODE_UPDATE = 5;

  private final ServerSocket listener;
  private final InetSocketAddress server;
  private final List<byte[]> updates = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  /** Listens on a free loopback port and forwards each connection to {@code server}. */
  UpdateRecorder(InetSocketAddress server) throws IOException {
    this.server = server;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("update-recorder").start(this::accept);
  }

  /** Where clients connect: {@code 127.0.0.1:PORT}. */
  String hostPort() {
    return listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
  }

  /** The UPDATE messages recorded so far, in the order they were sent. */
  synchronized List<byte[]> updates() {
    return List.copyOf(updates);
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket(server.getAddress(), server.getPort());
        synchronized (this) {
          sockets.add(client);
          sockets.add(upstream);
        }
        Thread.ofVirtual().start(() -> frames(client, upstream));
        Thread.ofVirtual().start(() -> copy(upstream, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Forwards the client's messages (a 2-octet length, then the message), keeping the UPDATEs. */
  private void frames(Socket from, Socket to) {
    try (DataInputStream in = new DataInputStream(from.getInputStream())) {
      OutputStream out = to.getOutputStream();
      while (true) {
        int length = in.readUnsignedShort();
        byte[] message = new byte[length];
        in.readFully(message);
        if (length > 2 && (message[2] >> 3 & 0xF) == OPCODE_UPDATE) {
          synchronized (this) {
            updates.add(message);
          }
        }
        out.write(new byte[] {(byte) (length >>> 8), (byte) length});
        out.write(message);
        out.flush();
      }
    } catch (IOException e) {
      closeQuietly(to); // either side closed (EOFException: the client's)
    }
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream()) {
      in.transferTo(to.getOutputStream());
    } catch (IOException e) {
      // either side closed
    }
    closeQuietly(to);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public synchronized void close() throws IOException {
    listener.close();
    sockets.forEach(UpdateRecorder::closeQuietly);
  }
}
