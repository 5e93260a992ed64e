package io.gordon.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a GCE audit-log entry exported by a Logging sink (the original's {@code audit-log} schema)
 * into an event that names the instance and still needs an enricher to find its records. As in the
 * original, the patterns are anchored at the start only.
 */
final class AuditLogReader {
  static final String INSERT = "v1.compute.instances.insert";
  static final String DELETE = "v1.compute.instances.delete";
  static final Pattern RESOURCE =
      Pattern.compile(
          "^projects/([0-9]+|[a-z][a-z\\-0-9]{5,29})/zones/[a-z\\-0-9]+/instances/[a-z\\-0-9]+");
  static final Pattern LOG_NAME =
      Pattern.compile("^projects/[a-z][a-z\\-0-9]{5,29}/logs/cloudaudit.googleapis.com%2Factivity");

  private AuditLogReader() {}

  /** Whether {@code root} looks like an audit-log entry rather than a generic event. */
  static boolean matches(JsonNode root) {
    return root.has("protoPayload") || root.has("logName");
  }

  /** The event, or empty with the reasons added to {@code p}. */
  static Optional<DnsEvent> read(JsonNode root, Problems p) {
    logName(root.get("logName"), p);
    JsonNode payload = root.get("protoPayload");
    Action action = null;
    String resource = null;
    if (payload == null) {
      p.add("protoPayload", "missing (expected an object with methodName and resourceName)");
    } else if (!payload.isObject()) {
      p.wrongType("protoPayload", payload, "an object with methodName and resourceName");
    } else {
      action = action(payload.get("methodName"), p);
      resource = resource(payload.get("resourceName"), p);
    }
    Optional<Instant> ts = GenericEventReader.timestamp(root.get("timestamp"), "timestamp", p);
    if (root.get("timestamp") == null) {
      ts = GenericEventReader.timestamp(root.get("receiveTimestamp"), "receiveTimestamp", p);
    }
    if (!p.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DnsEvent(Optional.empty(), action, ts, List.of(), Optional.of(resource), "audit-log"));
  }

  private static void logName(JsonNode node, Problems p) {
    String expected = "projects/<project-id>/logs/cloudaudit.googleapis.com%2Factivity";
    if (node == null) {
      p.add("logName", "missing (expected " + expected + ")");
    } else if (!node.isTextual()) {
      p.wrongType("logName", node, expected);
    } else if (!LOG_NAME.matcher(node.textValue()).lookingAt()) {
      p.add(
          "logName",
          Problems.show(node) + " is not an activity audit log (expected " + expected + ")");
    }
  }

  private static Action action(JsonNode node, Problems p) {
    String path = "protoPayload.methodName";
    String expected = "\"" + INSERT + "\" or \"" + DELETE + "\"";
    if (node == null) {
      p.add(path, "missing (expected " + expected + ")");
    } else if (!node.isTextual()) {
      p.wrongType(path, node, expected);
    } else if (node.textValue().equals(INSERT)) {
      return Action.ADDITIONS;
    } else if (node.textValue().equals(DELETE)) {
      return Action.DELETIONS;
    } else {
      p.add(path, Problems.show(node) + " is not handled (expected " + expected + ")");
    }
    return null;
  }

  private static String resource(JsonNode node, Problems p) {
    String path = "protoPayload.resourceName";
    String expected = "projects/<project>/zones/<zone>/instances/<name>";
    if (node == null) {
      p.add(path, "missing (expected " + expected + ")");
    } else if (!node.isTextual()) {
      p.wrongType(path, node, expected);
    } else if (!RESOURCE.matcher(node.textValue()).lookingAt()) {
      p.add(path, Problems.show(node) + " is not a GCE instance (expected " + expected + ")");
    } else {
      return node.textValue();
    }
    return null;
  }
}
