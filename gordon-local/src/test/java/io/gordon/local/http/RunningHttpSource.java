package io.gordon.local.http;

import io.gordon.local.RecordingSourceContext;
import io.gordon.local.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A started local.http with a recording context, and a raw-socket client for tests. */
final class RunningHttpSource implements AutoCloseable {
  final HttpSource source;
  final RecordingSourceContext ctx = new RecordingSourceContext();
  private final Thread runner;

  RunningHttpSource(Path root, Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>(Map.of("listen", "127.0.0.1:0"));
    values.putAll(extra);
    source =
        (HttpSource)
            new HttpSourceFactory()
                .create(
                    TestContext.of(
                        "local.http", HttpSourceFactory.SPEC, values, Clock.systemUTC(), root));
    source.start();
    runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    source.run(ctx);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
  }

  int port() {
    return source.port();
  }

  Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", port());
    s.setSoTimeout(30_000);
    return s;
  }

  /** A raw request with the given extra header lines; the answer as "status body". */
  String send(Socket s, String method, String headers, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String req =
        method + " /v1/events HTTP/1.1\r\n" + headers + "Content-Length: " + b.length + "\r\n\r\n";
    s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().write(b);
    s.getOutputStream().flush();
    return readAnswer(s.getInputStream());
  }

  /** A POST on a fresh connection with Host 127.0.0.1 and the given other headers. */
  String post(String headers, String body) throws IOException {
    try (Socket s = connect()) {
      return send(s, "POST", "Host: 127.0.0.1:" + port() + "\r\n" + headers, body);
    }
  }

  /** A whole raw request (UTF-8) on a fresh connection; its answer as "status body". */
  String exchange(String request) throws IOException {
    try (Socket s = connect()) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      return readAnswer(s.getInputStream());
    }
  }

  /** Reads one answer: "status body" (body without its trailing newline). */
  static String readAnswer(InputStream in) throws IOException {
    String head = readHead(in);
    if (head == null) {
      return "closed";
    }
    int status = Integer.parseInt(head.substring(9, 12));
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return status + " " + body.strip();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String h = head.toString(StandardCharsets.ISO_8859_1);
      if (h.endsWith("\r\n\r\n")) {
        return h;
      }
    }
    return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws InterruptedException {
    source.shutdown();
    runner.join(5000);
  }
}
