package io.gordon.api.io;

import io.gordon.api.GordonException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Thrown by {@link DirectoryLock#acquire} when another process (or another component of this
 * process) already holds the lock: the message names the locked path, the lock file and the
 * holder's pid, so that an operator can find the other writer.
 *
 * @since 0.1
 */
public final class LockedException extends GordonException {
  private static final long serialVersionUID = 1L;

  /** The directory or file that is locked. */
  private final transient Path path;

  private final long holderPid;

  /**
   * Creates the exception.
   *
   * @param message the full message (path, lock file, holder pid, what to do)
   * @param path the directory or file that is locked
   * @param holderPid the holder's pid, or -1 when the lock file does not (yet) name one
   */
  public LockedException(String message, Path path, long holderPid) {
    super(message);
    this.path = path;
    this.holderPid = holderPid;
  }

  /**
   * The locked directory or file.
   *
   * @return the path given to {@link DirectoryLock#acquire}
   */
  public Path path() {
    return path;
  }

  /**
   * The pid of the process that holds the lock.
   *
   * @return the pid, or empty when the holder had not yet written it
   */
  public OptionalLong holderPid() {
    return holderPid < 0 ? OptionalLong.empty() : OptionalLong.of(holderPid);
  }
}
