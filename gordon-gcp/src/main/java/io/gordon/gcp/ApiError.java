package io.gordon.gcp;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.util.Locale;

/**
 * A failed Google REST call, classified once for every gcp plugin (the single place where vendor
 * errors are mapped): conflicts (409 and 412, a concurrent writer), retriable failures (429, 5xx,
 * 403 rate limits, network errors) and permanent ones (every other 4xx), with the API's own
 * message.
 *
 * @param kind the class of failure
 * @param status the HTTP status, or 0 for a network error
 * @param reason the first error's reason, e.g. {@code conditionNotMet}; empty if unknown
 * @param message the API's message, or the exception's for a network error
 */
public record ApiError(Kind kind, int status, String reason, String message) {
  /** Classes of failure. */
  public enum Kind {
    /** 409 alreadyExists or 412 conditionNotMet: the live data changed under us. */
    CONFLICT,
    /** The resource does not exist (404). */
    NOT_FOUND,
    /** Trying again later may work. */
    RETRIABLE,
    /** Trying again cannot work. */
    PERMANENT
  }

  /** Classifies an exception thrown by an apiary client call. */
  public static ApiError of(IOException e) {
    if (e instanceof GoogleJsonResponseException g && g.getDetails() != null) {
      String reason =
          g.getDetails().getErrors() == null || g.getDetails().getErrors().isEmpty()
              ? ""
              : String.valueOf(g.getDetails().getErrors().get(0).getReason());
      String msg =
          g.getDetails().getMessage() == null ? g.getStatusMessage() : g.getDetails().getMessage();
      return of(g.getStatusCode(), reason, msg);
    }
    if (e instanceof HttpResponseException h) {
      return of(h.getStatusCode(), "", h.getStatusCode() + " " + h.getStatusMessage());
    }
    return new ApiError(Kind.RETRIABLE, 0, "", "network error: " + e);
  }

  /** Classifies an HTTP status and reason. */
  public static ApiError of(int status, String reason, String message) {
    String r = reason.toLowerCase(Locale.ROOT);
    Kind kind;
    if (status == 409 || status == 412) {
      kind = Kind.CONFLICT;
    } else if (status == 404) {
      kind = Kind.NOT_FOUND;
    } else if (status == 429
        || status >= 500
        || status == 408
        || (status == 403 && r.contains("ratelimitexceeded"))) {
      kind = Kind.RETRIABLE;
    } else {
      kind = Kind.PERMANENT;
    }
    return new ApiError(kind, status, reason, message);
  }

  /** {@code 412 conditionNotMet: Precondition not met ...}, for messages. */
  public String describe() {
    return status == 0 ? message : status + (reason.isEmpty() ? "" : " " + reason) + ": " + message;
  }
}
