package io.gordon.local.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.plugin.Decoded;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.source.Utf8;
import io.gordon.local.spool.SpoolWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/events} (one event, a JSON array or JSON lines; {@code ?wait=true}) and {@code
 * GET /v1/events/{id}}. Valid items are spooled and fsynced before the answer; invalid items are
 * listed with their problems and do not stop the valid ones. The answer's status says which: 202
 * all accepted, 207 some accepted (the body lists exactly which), 400/409 none accepted, 503 none
 * accepted because the spool could not be written.
 */
final class EventsHandler implements Http1Server.Handler {
  private final HttpSettings settings;
  private final PluginContext context;
  private final SpoolWriter writer;
  private final StatusTracker tracker;
  private final RequestPolicy policy;
  private final EventIds newIds = new EventIds();

  EventsHandler(
      HttpSettings settings,
      PluginContext context,
      SpoolWriter writer,
      StatusTracker tracker,
      RequestPolicy policy) {
    this.settings = settings;
    this.context = context;
    this.writer = writer;
    this.tracker = tracker;
    this.policy = policy;
  }

  @Override
  public Response handle(Request r) {
    Instant received = context.clock().instant();
    try {
      Optional<Response> refused = policy.check(r);
      if (refused.isPresent()) {
        return refused.get();
      }
      if (!authorized(r)) {
        return json(
                401,
                Json.error(
                    "missing or wrong bearer token (send Authorization:" + " Bearer <token>)"))
            .with("WWW-Authenticate", "Bearer");
      }
      return route(r, received);
    } catch (RuntimeException e) {
      context.logger().log(System.Logger.Level.ERROR, "local.http: request failed", e);
      return json(500, Json.error("internal error: " + e));
    }
  }

  private Response route(Request r, Instant received) {
    String path = r.path();
    if (path.equals("/v1/events") || path.equals("/v1/events/")) {
      if (r.method().equals("POST")) {
        return post(r, received);
      }
      return json(405, Json.error(r.method() + " is not allowed on /v1/events (use POST)"))
          .with("Allow", "POST");
    }
    if (r.method().equals("GET") && path.startsWith("/v1/events/")) {
      return get(path.substring("/v1/events/".length()));
    }
    return json(
        404,
        Json.error(
            "no such resource: "
                + r.method()
                + " "
                + path
                + " (expected POST /v1/events or GET /v1/events/{id})"));
  }

  private Response post(Request r, Instant received) {
    Optional<String> badWait = badWait(r.query());
    if (badWait.isPresent()) {
      return json(
          400,
          Json.error(
              "query parameter "
                  + badWait.get()
                  + " is not understood (expected wait=true or wait=false); nothing was accepted"));
    }
    String text = new String(r.body(), StandardCharsets.UTF_8);
    int bad = text.indexOf('\uFFFD') < 0 ? -1 : Utf8.firstInvalidByte(r.body());
    if (bad >= 0) {
      return json(
          400,
          Json.error(
              String.format(
                  "request body is not valid UTF-8: byte 0x%02X at offset %d (expected UTF-8"
                      + " text, RFC 8259)",
                  r.body()[bad] & 0xFF, bad)));
    }
    List<Decoded> items = context.events().decodeAll(text);
    List<String> ids = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<DnsEvent> events = new ArrayList<>();
    ArrayNode errors = Json.MAPPER.createArrayNode();
    boolean conflict = false;
    for (Decoded d : items) {
      if (!d.ok()) {
        ObjectNode err = errors.addObject().put("index", d.index());
        d.problems().forEach(err.putArray("problems")::add);
        continue;
      }
      DnsEvent e = d.event().orElseThrow();
      String id = e.id().isPresent() ? e.id().get() : newIds.next();
      DnsEvent withId =
          new DnsEvent(
              Optional.of(id),
              e.action(),
              e.timestamp(),
              e.records(),
              e.resourceName(),
              e.schema(),
              e.expected());
      String line = context.events().encode(withId);
      Optional<String> earlier = tracker.claim(id, line);
      if (earlier.isPresent()) {
        conflict = true;
        Json.conflict(errors.addObject().put("index", d.index()), id, earlier.get(), line);
        continue;
      }
      ids.add(id);
      lines.add(line);
      events.add(withId);
    }
    if (!lines.isEmpty() && !spool(ids, lines, events, received)) {
      return json(
          503,
          Json.error(
              "cannot write the spool, nothing was accepted (see the"
                  + " server log; retry later)"));
    }
    boolean wait = r.queryHas("wait=true") && !ids.isEmpty();
    if (errors.isEmpty() && !wait) {
      return Response.json(202, Json.accepted(ids));
    }
    int status = errors.isEmpty() ? 202 : !ids.isEmpty() ? 207 : conflict ? 409 : 400;
    Optional<Waiter.Results> waited = Optional.empty();
    if (wait) {
      Waiter.Results w = Waiter.await(tracker, ids, settings.waitTimeout());
      waited = Optional.of(w);
      status = w.finished() && errors.isEmpty() ? 200 : status;
    }
    return Response.json(status, Json.answer(errors, ids, waited));
  }

  private boolean spool(
      List<String> ids, List<String> lines, List<DnsEvent> events, Instant received) {
    long start = System.nanoTime();
    try {
      writer.append(lines, events, received);
      RequestTiming.spooled(System.nanoTime() - start, ids.get(0));
    } catch (IOException | RuntimeException e) {
      ids.forEach(tracker::forget);
      context
          .logger()
          .log(
              System.Logger.Level.ERROR,
              "local.http: cannot write the spool ("
                  + settings.directory()
                  + "); answered 503, nothing of the request was accepted: "
                  + e);
      return false;
    }
    System.Logger log = context.logger();
    if (log.isLoggable(System.Logger.Level.DEBUG)) { // the line per event only when it is logged
      for (String id : ids) {
        log.log(System.Logger.Level.DEBUG, "[msg-" + id + "] accepted by local.http");
      }
    }
    return true;
  }

  private Response get(String segment) {
    // Clients build this URL with an encoder that escapes the ':' and '@' an id may hold.
    String id;
    try {
      id = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return json(
          400,
          Json.error(
              "malformed percent-encoding in event id \""
                  + segment
                  + "\" (expected % followed by two hex digits)"));
    }
    Optional<StatusTracker.Status> s = tracker.status(id);
    if (s.isEmpty()) {
      return json(
          404,
          Json.error(
              "unknown event id \""
                  + id
                  + "\" (never accepted here, or"
                  + " finished longer ago than status_retention)"));
    }
    return Response.json(200, Json.status(id, s.get()));
  }

  /** A {@code wait} parameter other than wait=true or wait=false, which was taken for false. */
  private static Optional<String> badWait(String query) {
    for (String param : query.isEmpty() ? new String[0] : query.split("&")) {
      if ((param.equals("wait") || param.startsWith("wait="))
          && !param.equals("wait=true")
          && !param.equals("wait=false")) {
        return Optional.of(param);
      }
    }
    return Optional.empty();
  }

  private boolean authorized(Request r) {
    if (settings.token().isEmpty()) {
      return true;
    }
    String header = r.header("authorization").orElse(null);
    String expected = "Bearer " + settings.token().get().reveal();
    return header != null
        && MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Response json(int status, ObjectNode body) {
    return Response.json(status, body.toString() + "\n");
  }
}
