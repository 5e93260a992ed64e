package io.gordon.local.http;

/** A request that cannot be read (malformed, too large, too slow): answered, then closed. */
final class HttpProblem extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The answer, always closing the connection (the stream position is unknown). */
  Response response() {
    return Response.json(status, Json.error(getMessage()).toString() + "\n").closing();
  }
}
