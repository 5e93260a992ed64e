package io.gordon.local.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP answer of {@code local.http}: always a complete body with a Content-Length.
 *
 * @param status the status code
 * @param headers extra headers (Content-Type and Content-Length are set from the body)
 * @param contentType the body's media type
 * @param body the body's bytes, {@code length} of them
 * @param length the body's length: a {@link JsonBytes} answer is sent from its buffer, uncopied
 * @param close whether the connection closes after this answer
 */
record Response(
    int status,
    Map<String, String> headers,
    String contentType,
    byte[] body,
    int length,
    boolean close) {
  Response {
    headers = Map.copyOf(headers);
    if (length < 0 || length > body.length) {
      throw new IllegalArgumentException(
          "length " + length + " is outside the body's " + body.length + " bytes");
    }
  }

  /** A JSON answer. */
  static Response json(int status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return new Response(status, Map.of(), "application/json", body, body.length, false);
  }

  /** A JSON answer already in UTF-8. */
  static Response json(int status, JsonBytes json) {
    return new Response(status, Map.of(), "application/json", json.buffer(), json.length(), false);
  }

  /** The same answer with header {@code name} set. */
  Response with(String name, String value) {
    Map<String, String> h = new java.util.LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response(status, h, contentType, body, length, close);
  }

  /** The same answer, closing the connection afterwards. */
  Response closing() {
    return new Response(status, headers, contentType, body, length, true);
  }

  /** Writes status line, headers and body. */
  void write(OutputStream out) throws IOException {
    StringBuilder sb =
        new StringBuilder(128)
            .append("HTTP/1.1 ")
            .append(status)
            .append(' ')
            .append(reason(status))
            .append("\r\nContent-Type: ")
            .append(contentType)
            .append("\r\nContent-Length: ")
            .append(length)
            .append("\r\n");
    headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    if (close) {
      sb.append("Connection: close\r\n");
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body, 0, length);
    out.flush();
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 207 -> "Multi-Status";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 421 -> "Misdirected Request";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }
}
