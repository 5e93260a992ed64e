package io.gordon.benchmarks.rfc2136;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * The nearly free client of the ceiling measurement: writes messages already signed and framed
 * ({@link Prerendered#signed}) to the server over TCP, keeping up to {@code window} of them
 * awaiting an answer on each of {@code connections} connections (message {@code i} goes to
 * connection {@code i % connections}), and reads only each answer's length and header: no parsing,
 * no rendering, no signing while the clock runs. Every answer must be NOERROR.
 */
final class PipelinedSender {
  private PipelinedSender() {}

  /** Sends {@code framed} and returns the nanoseconds from the first write to the last answer. */
  static long send(InetSocketAddress server, List<byte[]> framed, int connections, int window)
      throws IOException, InterruptedException {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int c = 0; c < connections; c++) {
        Socket s = new Socket(server.getAddress(), server.getPort());
        s.setTcpNoDelay(true);
        sockets.add(s);
      }
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        List<byte[]> mine = new ArrayList<>();
        for (int i = c; i < framed.size(); i += connections) {
          mine.add(framed.get(i));
        }
        Socket s = sockets.get(c);
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread.ofPlatform()
            .name("ceiling-sender-" + c)
            .start(
                () -> {
                  try {
                    go.await();
                    exchange(s, mine, window);
                    f.complete(null);
                  } catch (IOException | InterruptedException | RuntimeException e) {
                    f.completeExceptionally(e);
                  }
                });
        done.add(f);
      }
      long start = System.nanoTime();
      go.countDown();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
      return System.nanoTime() - start;
    } catch (ExecutionException e) {
      throw new IOException("sending the prerendered UPDATEs failed: " + e.getCause(), e);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** Keeps {@code window} messages in flight on {@code s} until every one is answered. */
  private static void exchange(Socket s, List<byte[]> messages, int window) throws IOException {
    OutputStream out = s.getOutputStream();
    DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
    int sent = 0;
    byte[] answer = new byte[65535];
    for (int answered = 0; answered < messages.size(); answered++) {
      while (sent < messages.size() && sent - answered < window) {
        out.write(messages.get(sent++));
      }
      int length = in.readUnsignedShort();
      in.readFully(answer, 0, length);
      int rcode = answer[3] & 0xF;
      if (length < 12 || rcode != 0) {
        throw new IOException(
            "UPDATE id "
                + ((answer[0] & 0xFF) << 8 | (answer[1] & 0xFF))
                + " answered rcode "
                + rcode
                + " ("
                + org.xbill.DNS.Rcode.string(rcode)
                + ")");
      }
    }
  }
}
