package io.gordon.local.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.Decoded;
import io.gordon.api.plugin.PluginContext;
import io.gordon.local.spool.SpoolReader;
import io.gordon.local.spool.SpoolWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v1/events} (one event, a JSON array or JSON lines; {@code ?wait=true}) and
 * {@code GET /v1/events/{id}}. Valid items are spooled and fsynced before the answer; invalid
 * items are listed with their problems and do not stop the valid ones.
 */
final class EventsHandler implements HttpHandler {
  private final HttpSettings settings;
  private final PluginContext context;
  private final SpoolWriter writer;
  private final SpoolReader reader;
  private final StatusTracker tracker;

  EventsHandler(HttpSettings settings, PluginContext context, SpoolWriter writer,
      SpoolReader reader, StatusTracker tracker) {
    this.settings = settings;
    this.context = context;
    this.writer = writer;
    this.reader = reader;
    this.tracker = tracker;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    Instant received = context.clock().instant();
    try (ex) {
      if (!authorized(ex)) {
        drain(ex);
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        Json.send(ex, 401, Json.error("missing or wrong bearer token (send Authorization:"
            + " Bearer <token>)"));
        return;
      }
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      if (path.equals("/v1/events") || path.equals("/v1/events/")) {
        if (method.equals("POST")) {
          post(ex, received);
        } else {
          drain(ex);
          ex.getResponseHeaders().set("Allow", "POST");
          Json.send(ex, 405, Json.error(method + " is not allowed on /v1/events (use POST)"));
        }
      } else if (method.equals("GET") && path.startsWith("/v1/events/")) {
        drain(ex);
        get(ex, path.substring("/v1/events/".length()));
      } else {
        drain(ex);
        Json.send(ex, 404, Json.error("no such resource: " + method + " " + path
            + " (expected POST /v1/events or GET /v1/events/{id})"));
      }
    } catch (RuntimeException e) {
      context.logger().log(System.Logger.Level.ERROR, "local.http: request failed", e);
      Json.send(ex, 500, Json.error("internal error: " + e));
    }
  }

  private void post(HttpExchange ex, Instant received) throws IOException {
    Optional<byte[]> body = readBody(ex);
    if (body.isEmpty()) {
      ex.getResponseHeaders().set("Connection", "close");
      Json.send(ex, 413, Json.error("request body is larger than max_body_bytes ("
          + settings.maxBodyBytes() + " bytes)"));
      return;
    }
    List<Decoded> items = context.events().decodeAll(
        new String(body.get(), StandardCharsets.UTF_8));
    List<String> ids = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    ArrayNode errors = Json.MAPPER.createArrayNode();
    for (Decoded d : items) {
      if (d.ok()) {
        DnsEvent e = d.event().orElseThrow();
        String id = e.id().orElseGet(() -> UUID.randomUUID().toString());
        ids.add(id);
        lines.add(context.events().encode(new DnsEvent(Optional.of(id), e.action(),
            e.timestamp(), e.records(), e.resourceName(), e.schema())));
      } else {
        ObjectNode err = errors.addObject().put("index", d.index());
        d.problems().forEach(err.putArray("problems")::add);
      }
    }
    if (!lines.isEmpty() && !spool(ex, ids, lines, received)) {
      return;
    }
    ObjectNode answer = Json.MAPPER.createObjectNode();
    if (!errors.isEmpty()) {
      answer.set("errors", errors);
    }
    ids.forEach(answer.putArray("accepted")::add);
    int status = errors.isEmpty() ? 202 : 400;
    if (wait(ex) && !ids.isEmpty()) {
      status = Waiter.await(tracker, ids, settings.waitTimeout(), answer) && errors.isEmpty()
          ? 200 : status;
    }
    Json.send(ex, status, answer);
  }

  private boolean spool(HttpExchange ex, List<String> ids, List<String> lines,
      Instant received) throws IOException {
    try {
      ids.forEach(tracker::accepted);
      writer.append(lines, received);
    } catch (IOException e) {
      ids.forEach(tracker::forget);
      context.logger().log(System.Logger.Level.ERROR, "local.http: cannot write the spool", e);
      Json.send(ex, 503, Json.error("cannot write the spool, nothing was accepted: " + e));
      return false;
    }
    for (String id : ids) {
      context.logger().log(System.Logger.Level.DEBUG, "[msg-" + id + "] accepted by local.http");
    }
    reader.wakeup();
    return true;
  }

  private void get(HttpExchange ex, String id) throws IOException {
    Optional<StatusTracker.Status> s = tracker.status(id);
    if (s.isEmpty()) {
      Json.send(ex, 404, Json.error("unknown event id \"" + id + "\" (never accepted here, or"
          + " finished longer ago than status_retention)"));
      return;
    }
    Json.send(ex, 200, Json.status(id, s.get()));
  }

  private Optional<byte[]> readBody(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.matches("[0-9]{1,18}")
        && Long.parseLong(length) > settings.maxBodyBytes()) {
      return Optional.empty();
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes(settings.maxBodyBytes() + 1);
      return b.length > settings.maxBodyBytes() ? Optional.empty() : Optional.of(b);
    }
  }

  /**
   * Reads and discards a request body this handler does not use, up to max_body_bytes, so the
   * connection can serve the next request (keep-alive). A longer body closes the connection.
   */
  private void drain(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] sink = new byte[8192];
      long left = settings.maxBodyBytes();
      for (int n = in.read(sink); n > 0 && (left -= n) > 0; n = in.read(sink)) {
        // discard
      }
    }
  }

  private boolean authorized(HttpExchange ex) {
    if (settings.token().isEmpty()) {
      return true;
    }
    String header = ex.getRequestHeaders().getFirst("Authorization");
    String expected = "Bearer " + settings.token().get().reveal();
    return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean wait(HttpExchange ex) {
    String q = ex.getRequestURI().getQuery();
    return q != null && List.of(q.split("&")).contains("wait=true");
  }
}
