package io.gordon.gcp;

import java.io.IOException;

/** A Google REST call failed; {@link #error()} says how. Checked, so callers decide. */
public final class ApiCallException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient ApiError error;

  /** Wraps a client exception. */
  public ApiCallException(IOException cause) {
    this(ApiError.of(cause), cause);
  }

  /** Creates the exception from a classified error. */
  public ApiCallException(ApiError error, Throwable cause) {
    super(error.describe(), cause);
    this.error = error;
  }

  /** The classified error. */
  public ApiError error() {
    return error;
  }

  /** A call that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Call<T> {
    /** Runs the call. */
    T run() throws IOException;
  }

  /** Runs {@code call}, turning its {@link IOException} into an {@link ApiCallException}. */
  public static <T> T call(Call<T> call) throws ApiCallException {
    try {
      return call.run();
    } catch (IOException e) {
      throw new ApiCallException(e);
    }
  }
}
