package io.gordon.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Mutated HTTP requests for {@link EventFuzzIT}, and a client that collects every answer. */
final class HttpFuzz {
  private static final List<String> TYPES =
      List.of(
          "application/json",
          "application/x-ndjson",
          "text/plain",
          "application/json; charset=utf-8",
          "application/json; charset=latin1",
          "",
          "multipart/form-data; boundary=x");

  private HttpFuzz() {}

  /** A request carrying {@code doc}, its head or framing mutated about half the time. */
  static byte[] request(EventFuzzer f, String doc, int port) {
    byte[] body = doc.getBytes(StandardCharsets.UTF_8);
    String type = TYPES.get(f.nextInt(10) < 6 ? f.nextInt(2) : f.nextInt(TYPES.size()));
    String host = f.nextInt(10) == 0 ? "evil.example" : "127.0.0.1:" + port;
    String path =
        switch (f.nextInt(12)) {
          case 0 -> "/v1/events/" + f.nextInt(1000);
          case 1 -> "/nope";
          case 2 -> "/v1/events?wait=false";
          default -> "/v1/events";
        };
    String method = f.nextInt(15) == 0 ? "PUT" : "POST";
    String framing =
        switch (f.nextInt(10)) {
          case 0 -> "Transfer-Encoding: chunked\r\n";
          case 1 -> "Content-Length: " + Math.max(0, body.length - 1 - f.nextInt(5)) + "\r\n";
          case 2 -> "Content-Length: x" + body.length + "\r\n";
          case 3 -> "Transfer-Encoding: gzip\r\n";
          default -> "Content-Length: " + body.length + "\r\n";
        };
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nContent-Type: "
            + type
            + "\r\n"
            + framing
            + (f.nextInt(20) == 0 ? "X-Big: " + "b".repeat(20_000) + "\r\n" : "")
            + "Connection: close\r\n\r\n";
    if (f.nextInt(25) == 0) {
      head = "GARBAGE " + head.substring(f.nextInt(head.length()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    if (framing.contains("chunked")) {
      out.writeBytes(
          (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /** Sends {@code request}, half-closes, and returns every answer as "status body". */
  static List<String> exchange(int port, byte[] request) throws IOException {
    List<String> answers = new ArrayList<>();
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      try {
        s.getOutputStream().write(request);
        s.shutdownOutput();
      } catch (IOException e) {
        // the server may close first (e.g. after a 431); its answer is still readable
      }
      InputStream in = s.getInputStream();
      try {
        for (String a = RunningHttpSource.readAnswer(in);
            !a.equals("closed");
            a = RunningHttpSource.readAnswer(in)) {
          answers.add(a);
        }
      } catch (SocketTimeoutException e) {
        throw new IOException(
            "no answer within 20 s to "
                + new String(
                    request, 0, Math.min(200, request.length), StandardCharsets.ISO_8859_1),
            e);
      } catch (java.net.SocketException e) {
        // reset after the answers: the server closed with unread input
      }
    }
    return answers;
  }
}
