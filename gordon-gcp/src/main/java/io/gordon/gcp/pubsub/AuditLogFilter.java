package io.gordon.gcp.pubsub;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Optional;

/**
 * Picks the audit-log entry that completes an operation. A long-running GCE operation writes a
 * first entry ({@code operation.first}) and a last one ({@code operation.last}); the original
 * processed both, so every insert was handled twice. Only an entry with {@code operation.last}
 * true, or without an {@code operation}, produces an event, unless the entry records that the
 * operation failed ({@link #failure}).
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

  /**
   * Why {@code json} describes no change, when it is an audit-log entry of an operation that failed
   * ({@code protoPayload.status.code} other than 0, e.g. 7 when Compute refused an insert over a
   * quota or a delete for a missing permission): the instance was not created or not deleted, so no
   * record may be added or removed. Empty for every other input.
   */
  static Optional<String> failure(String json) {
    JsonObject entry = object(json);
    if (entry == null || !(entry.get("protoPayload") instanceof JsonObject payload)) {
      return Optional.empty();
    }
    if (!(payload.get("status") instanceof JsonObject status)
        || !(status.get("code") instanceof JsonPrimitive code)
        || !code.isNumber()
        || code.getAsDouble() == 0) {
      return Optional.empty();
    }
    String text = status.get("message") instanceof JsonPrimitive m ? m.getAsString() : "";
    return Optional.of(
        "records a failed operation (protoPayload.status.code "
            + code.getAsString()
            + (text.isEmpty() ? "" : ": " + text)
            + "), so it changed no instance");
  }

  private static JsonObject object(String json) {
    try {
      return JsonParser.parseString(json) instanceof JsonObject o ? o : null;
    } catch (RuntimeException e) {
      return null; // not JSON: the codec says why
    }
  }
}
