package io.gordon.gcp.pubsub;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Picks the audit-log entry that completes an operation. A long-running GCE operation writes a
 * first entry ({@code operation.first}) and a last one ({@code operation.last}); the original
 * processed both, so every insert was handled twice. Only an entry with {@code operation.last}
 * true, or without an {@code operation}, produces an event.
 */
final class AuditLogFilter {
  private AuditLogFilter() {}

  /** Whether {@code json} is an audit-log entry that does not complete its operation. */
  static boolean isIntermediate(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (RuntimeException e) {
      return false; // not JSON: the codec says why
    }
    if (!root.isJsonObject()) {
      return false;
    }
    JsonObject o = root.getAsJsonObject();
    if (!o.has("protoPayload") || !o.has("operation") || !o.get("operation").isJsonObject()) {
      return false;
    }
    JsonElement last = o.getAsJsonObject("operation").get("last");
    return last == null
        || !last.isJsonPrimitive()
        || !last.getAsJsonPrimitive().isBoolean()
        || !last.getAsBoolean();
  }
}
