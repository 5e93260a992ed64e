package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * An error answer in Google's JSON error format (v1): {@code {"error": {"code", "message",
 * "errors": [{"message", "domain", "reason"}]}}}. The top-level code and message are those of the
 * first item, as the real services do.
 *
 * @param status the HTTP status
 * @param items one entry per problem found, in order
 */
public record GoogleApiError(int status, List<Item> items) {
  /** Validates that there is at least one item. */
  public GoogleApiError {
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("an error needs at least one item");
    }
  }

  /**
   * One problem.
   *
   * @param reason machine-readable reason, e.g. {@code alreadyExists}
   * @param message human-readable text
   */
  public record Item(String reason, String message) {
    /** Checks the fields. */
    public Item {
      Objects.requireNonNull(reason, "reason == null");
      Objects.requireNonNull(message, "message == null");
    }
  }

  /** An error with a single problem. */
  public static GoogleApiError of(int status, String reason, String message) {
    return new GoogleApiError(status, List.of(new Item(reason, message)));
  }

  /** The canned error for an injected failure with {@code status}. */
  public static GoogleApiError injected(int status) {
    return switch (status) {
      case 429 -> of(429, "rateLimitExceeded", "Resource has been exhausted (e.g. check quota).");
      case 403 -> of(403, "forbidden", "The caller does not have permission");
      case 500 -> of(500, "internalError", "Internal Error");
      case 502 -> of(502, "badGateway", "Bad Gateway");
      case 503 -> of(503, "backendError", "The service is currently unavailable.");
      default -> of(status, "injected", "Injected failure " + status);
    };
  }

  /** The first item's reason. */
  public String reason() {
    return items.get(0).reason();
  }

  /** The JSON body. */
  public String toJson(ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", status);
    error.put("message", items.get(0).message());
    ArrayNode errors = error.putArray("errors");
    for (Item i : items) {
      errors
          .addObject()
          .put("message", i.message())
          .put("domain", "global")
          .put("reason", i.reason());
    }
    return root.toString();
  }

  /** Thrown inside the fake to answer with this error. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient GoogleApiError error;

    Failure(GoogleApiError error) {
      super(error.items().get(0).message(), null, false, false);
      this.error = error;
    }
  }

  /** Returns an exception that makes the fake answer with this error. */
  RuntimeException toFailure() {
    return new Failure(this);
  }
}
