package io.gordon.local.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests from one connection, with the limits that keep a slow or hostile client
 * from holding the server: the request head must be complete within the header timeout and 16 KiB,
 * a body may not exceed max_body_bytes, and each body read waits at most the idle timeout. Not
 * thread-safe (one per connection).
 */
final class RequestReader {
  static final int MAX_HEAD = 16 * 1024;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final HttpLimits limits;
  private final byte[] buf = new byte[MAX_HEAD];
  private int pos;
  private long bodyDeadline; // System.nanoTime() by which the current request's body must be in
  private boolean waitCapped; // the last body read waited only until bodyDeadline
  private int end;

  RequestReader(Socket socket, HttpLimits limits) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.limits = limits;
  }

  /** Thrown when the client closed or went quiet between requests: close without an answer. */
  static final class Gone extends Exception {
    private static final long serialVersionUID = 1L;

    Gone() {
      super(null, null, false, false);
    }
  }

  /** Thrown when a request starts as a TLS handshake record: close, no HTTP answer can help. */
  static final class TlsHandshake extends Exception {
    private static final long serialVersionUID = 1L;

    TlsHandshake() {
      super(null, null, false, false);
    }
  }

  /** The first byte of a TLS record carrying a handshake (a ClientHello), never of a method. */
  private static final byte TLS_HANDSHAKE = 0x16;

  /**
   * Reads the next request. {@code firstWaitMillis} bounds the wait for its first byte (the idle
   * timeout on a kept-alive connection); the head must then be complete within the header timeout
   * of that first byte (of the connection's start, for the first request).
   */
  Request next(long firstWaitMillis, long connectedNanos)
      throws IOException, HttpProblem, Gone, TlsHandshake {
    if (pos == end) {
      compact();
      try {
        if (fill(firstWaitMillis) < 0) {
          throw new Gone();
        }
      } catch (SocketTimeoutException e) {
        throw new Gone();
      }
    }
    if (buf[pos] == TLS_HANDSHAKE) {
      // else the binary ClientHello waits for a blank line that never comes (header_timeout)
      throw new TlsHandshake();
    }
    long start = connectedNanos != 0 ? connectedNanos : System.nanoTime();
    long deadline = start + limits.headerTimeout().toNanos();
    int headEnd = headEnd(deadline);
    String head = new String(buf, pos, headEnd - pos, StandardCharsets.ISO_8859_1);
    pos = headEnd;
    String[] lines = RequestHead.lines(head);
    String[] first = RequestHead.requestLine(lines[0]);
    Map<String, List<String>> headers = RequestHead.headers(lines);
    if (first[2].equals("HTTP/1.0")
        && !headers.getOrDefault("connection", List.of()).contains("keep-alive")) {
      headers.put("connection", List.of("close"));
    }
    RequestTarget target = RequestTarget.parse(first[1]);
    if (target.authority().isPresent()) {
      headers.put("host", List.of(target.authority().get()));
    }
    byte[] body = body(headers);
    return new Request(first[0], target.path(), target.query(), headers, body);
  }

  /** Index just after the blank line ending the head, reading more as needed. */
  private int headEnd(long deadline) throws IOException, HttpProblem {
    int scanned = pos;
    while (true) {
      for (int i = Math.max(scanned, pos + 1); i < end; i++) {
        if (buf[i] == '\n'
            && (buf[i - 1] == '\n' || (buf[i - 1] == '\r' && i >= 2 && buf[i - 2] == '\n'))) {
          return i + 1;
        }
      }
      scanned = end;
      if (pos > 0) {
        scanned -= pos;
        compact();
      }
      if (end == buf.length) {
        throw new HttpProblem(
            431, "request line and headers are longer than " + MAX_HEAD + " bytes");
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new HttpProblem(
            408,
            "request headers not complete within header_timeout ("
                + limits.headerTimeout().toMillis()
                + " ms)");
      }
      int n;
      try {
        n = fill(left);
      } catch (SocketTimeoutException e) {
        continue;
      }
      if (n < 0) {
        throw new EOFException("client closed the connection inside the request head");
      }
    }
  }

  private byte[] body(Map<String, List<String>> headers) throws IOException, HttpProblem {
    List<String> te = headers.get("transfer-encoding");
    List<String> cl = headers.get("content-length");
    boolean chunked = RequestHead.chunked(te, cl);
    if (!chunked && cl == null) {
      return new byte[0];
    }
    long length = chunked ? -1 : RequestHead.contentLength(cl);
    if (length > limits.maxBodyBytes()) {
      throw tooLarge();
    }
    continueIfExpected(headers);
    bodyDeadline = System.nanoTime() + limits.bodyTimeout().toNanos();
    return chunked ? chunked() : exactly((int) length);
  }

  private HttpProblem tooLarge() {
    return new HttpProblem(
        413, "request body is larger than max_body_bytes (" + limits.maxBodyBytes() + " bytes)");
  }

  private void continueIfExpected(Map<String, List<String>> headers) throws IOException {
    List<String> expect = headers.get("expect");
    if (expect != null && expect.stream().anyMatch(v -> v.equalsIgnoreCase("100-continue"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }

  private byte[] exactly(int length) throws IOException, HttpProblem {
    byte[] body = new byte[length];
    int have = Math.min(length, end - pos);
    System.arraycopy(buf, pos, body, 0, have);
    pos += have;
    while (have < length) {
      socket.setSoTimeout(bodyWait());
      int n;
      try {
        n = in.read(body, have, length - have);
      } catch (SocketTimeoutException e) {
        if (waitCapped) {
          throw bodyTooSlow();
        }
        throw e;
      }
      if (n < 0) {
        throw new EOFException("client closed the connection inside the body");
      }
      have += n;
    }
    return body;
  }

  private byte[] chunked() throws IOException, HttpProblem {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semi = sizeLine.indexOf(';');
      String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
      if (!hex.matches("[0-9a-fA-F]{1,8}")) {
        throw new HttpProblem(400, "malformed chunk size \"" + RequestHead.clip(sizeLine) + "\"");
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // skip trailers
        }
        return body.toByteArray();
      }
      if (body.size() + size > limits.maxBodyBytes()) {
        throw tooLarge();
      }
      body.write(exactly((int) size));
      line();
    }
  }

  /** One CRLF-terminated line of a chunked body, without the line break. */
  private String line() throws IOException, HttpProblem {
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos == end) {
        compact();
        int n;
        try {
          n = fill(bodyWait());
        } catch (SocketTimeoutException e) {
          if (waitCapped) {
            throw bodyTooSlow();
          }
          throw e;
        }
        if (n < 0) {
          throw new EOFException("client closed the connection inside a chunked body");
        }
      }
      byte b = buf[pos++];
      if (b == '\n') {
        int len = sb.length();
        return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
      }
      if (sb.length() > 1024) {
        throw new HttpProblem(400, "chunk header line longer than 1024 bytes");
      }
      sb.append((char) b);
    }
  }

  /**
   * How long the next body read may wait: the idle timeout, cut to what is left of body_timeout.
   * Why both: idle_timeout alone let a body trickled a byte at a time hold its connection forever.
   */
  private int bodyWait() throws HttpProblem {
    long left = (bodyDeadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw bodyTooSlow();
    }
    long idle = limits.idleTimeout().toMillis();
    // a timeout of a wait cut to the deadline is the body's, even when the millisecond rounding
    // wakes it a little before bodyDeadline
    waitCapped = left < idle;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(left, idle)));
  }

  private HttpProblem bodyTooSlow() {
    return new HttpProblem(
        408,
        "request body not complete within body_timeout ("
            + limits.bodyTimeout().toMillis()
            + " ms)");
  }

  private void compact() {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      end -= pos;
      pos = 0;
    }
  }

  /** Reads what is available within {@code millis}; -1 at end of stream. */
  private int fill(long millis) throws IOException {
    socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
    int n = in.read(buf, end, buf.length - end);
    if (n > 0) {
      end += n;
    }
    return n;
  }
}
