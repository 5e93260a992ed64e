package io.gordon.testing.gcp;

/**
 * GCE audit-log entries as a Logging sink exports them to Pub/Sub (gordon.md 7.1, gcp-api.md 2.2):
 * the first and last entries of one long-running operation, and an entry without an operation.
 * {@code method} is e.g. {@code v1.compute.instances.insert}.
 */
public final class AuditLogEntries {
  private AuditLogEntries() {}

  /** The entry that starts an operation: {@code operation.first = true}, status PENDING. */
  public static String first(String method, String resourceName, String operationId) {
    return entry(
        method,
        resourceName,
        "\"operation\":{\"id\":\""
            + operationId
            + "\","
            + "\"producer\":\"compute.googleapis.com\",\"first\":true},",
        "\"response\":{"
            + "\"@type\":\"type.googleapis.com/operation\",\"status\":\"PENDING\","
            + "\"operationType\":\""
            + (method.endsWith("delete") ? "delete" : "insert")
            + "\"},");
  }

  /** The entry that completes an operation: {@code operation.last = true}. */
  public static String last(String method, String resourceName, String operationId) {
    return entry(
        method,
        resourceName,
        "\"operation\":{\"id\":\""
            + operationId
            + "\","
            + "\"producer\":\"compute.googleapis.com\",\"last\":true},",
        "");
  }

  /** An entry without an {@code operation} object. */
  public static String noOperation(String method, String resourceName) {
    return entry(method, resourceName, "", "");
  }

  /**
   * The single entry of an operation Compute refused before it started (no {@code operation}),
   * shaped as the original gordon-gcp's functional fixture: severity ERROR, {@code
   * protoPayload.status} with a non-zero gRPC {@code code} (7 for a quota or permission refusal)
   * and the error in {@code protoPayload.response}.
   */
  public static String failed(String method, String resourceName, int code, String message) {
    String quoted = "\"" + message.replace("\"", "\\\"") + "\"";
    return entry(
            method,
            resourceName,
            "",
            "\"response\":{\"@type\":\"compute.googleapis.com/error\",\"error\":{\"code\":403,"
                + "\"message\":"
                + quoted
                + "}},\"status\":{\"code\":"
                + code
                + ",\"message\":"
                + quoted
                + "},")
        .replace("\"severity\":\"NOTICE\"", "\"severity\":\"ERROR\"");
  }

  private static String entry(
      String method, String resourceName, String operation, String response) {
    return "{\"insertId\":\"-abc123\",\"logName\":\"projects/some-project/logs/"
        + "cloudaudit.googleapis.com%2Factivity\","
        + operation
        + "\"protoPayload\":{\"@type\":\"type.googleapis.com/google.cloud.audit.AuditLog\","
        + "\"authenticationInfo\":{\"principalEmail\":\"someone@example.com\"},"
        + "\"methodName\":\""
        + method
        + "\",\"resourceName\":\""
        + resourceName
        + "\","
        + response
        + "\"serviceName\":\"compute.googleapis.com\"},"
        + "\"receiveTimestamp\":\"2017-12-04T20:13:51.414016721Z\","
        + "\"resource\":{\"labels\":{\"instance_id\":\"4000000000000000000\","
        + "\"project_id\":\"some-project\",\"zone\":\"us-central1-c\"},"
        + "\"type\":\"gce_instance\"},\"severity\":\"NOTICE\","
        + "\"timestamp\":\"2017-12-04T20:13:50.717Z\"}";
  }
}
