package io.gordon.api.io;

import io.gordon.api.GordonException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive advisory lock that makes one process at a time the writer of a directory or a file.
 * Two gordon processes writing the same spool or zone file lose acknowledged events, so every
 * component that writes takes this lock at start and keeps it until it stops.
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock()}) on a lock file: {@code
 * <directory>/.lock} for a directory, {@code <file>.lock} beside a file. The holder writes its pid,
 * the owner's description and the time into the lock file, so that a refused process can name it.
 * The OS releases the lock when the holder exits, even after {@code kill -9}, so a stale lock file
 * never blocks a restart; the file itself is left in place on purpose (deleting it would let a
 * third process lock a new file while a second one holds the old, unlinked one).
 *
 * <p>The lock is advisory: it keeps gordon processes apart, not other programs. Within one process
 * a second {@link #acquire} of the same path is refused too (two sources configured on one spool
 * directory), without touching the lock file. Code in the holding process must never open the lock
 * file itself: closing any descriptor of it releases the process's OS lock (POSIX record locks
 * belong to the process). Other processes may read it freely. Network file systems may not
 * implement locks; use a local disk.
 *
 * <p>Thread-safe. Closing is idempotent.
 *
 * @since 0.1
 */
public final class DirectoryLock implements AutoCloseable {
  private static final String SUFFIX = ".lock";

  /**
   * Lock files held by this process. Checked before any channel is opened: closing a second channel
   * on a locked file would release this process's OS lock on it (POSIX record locks belong to the
   * process, not the descriptor), silently admitting another process.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private final Path key;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DirectoryLock(Path path, Path lockFile, FileChannel channel, FileLock lock, Path key) {
    this.path = path;
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
    this.key = key;
  }

  /**
   * Locks directory {@code directory} (created if missing) through {@code <directory>/.lock}.
   *
   * @param directory the directory this process is about to write
   * @param owner who takes the lock, for messages and the lock file, e.g. {@code "local.http
   *     spool"}
   * @return the held lock; close it when the component stops writing
   * @throws LockedException when another process or component holds the lock
   * @throws GordonException when the lock file cannot be created or locked
   */
  public static DirectoryLock acquire(Path directory, String owner) {
    Objects.requireNonNull(directory, "directory == null");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new GordonException(
          owner + ": cannot create directory " + directory + " to lock it: " + e, e);
    }
    return lock(directory, directory.resolve(SUFFIX), owner);
  }

  /**
   * Locks file {@code file} through {@code <file>.lock} in the same directory (created if missing).
   * The file itself need not exist yet.
   *
   * @param file the file this process is about to write, e.g. a zone file
   * @param owner who takes the lock, for messages and the lock file
   * @return the held lock; close it when the component stops writing
   * @throws LockedException when another process or component holds the lock
   * @throws GordonException when the lock file cannot be created or locked
   */
  public static DirectoryLock acquireFile(Path file, String owner) {
    Objects.requireNonNull(file, "file == null");
    Path abs = file.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw new GordonException(
          owner + ": cannot create directory " + abs.getParent() + " to lock " + file + ": " + e,
          e);
    }
    return lock(file, abs.resolveSibling(abs.getFileName() + SUFFIX), owner);
  }

  /**
   * The lock file that holds the lock for {@code path}: {@code <path>/.lock} for a directory,
   * {@code <path>.lock} for a file.
   *
   * @param path a directory or file
   * @param directory whether {@code path} is locked as a directory
   * @return the lock file's path
   */
  public static Path lockFileOf(Path path, boolean directory) {
    Path abs = path.toAbsolutePath();
    return directory ? abs.resolve(SUFFIX) : abs.resolveSibling(abs.getFileName() + SUFFIX);
  }

  private static DirectoryLock lock(Path path, Path lockFile, String owner) {
    Path key = key(lockFile);
    if (!HELD.add(key)) {
      throw refused(path, lockFile, owner, ProcessHandle.current().pid());
    }
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        long pid = holder(ch);
        ch.close();
        HELD.remove(key);
        throw refused(path, lockFile, owner, pid);
      }
      stamp(ch, owner);
      return new DirectoryLock(path, lockFile, ch, l, key);
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      HELD.remove(key);
      if (e instanceof LockedException locked) {
        throw locked;
      }
      throw new GordonException(
          owner + ": cannot lock " + path + " (lock file " + lockFile + "): " + e, e);
    }
  }

  /** The lock file's identity in this process: its real directory, so links do not fool it. */
  private static Path key(Path lockFile) {
    Path abs = lockFile.toAbsolutePath().normalize();
    try {
      return Objects.requireNonNull(abs.getParent(), "a file has a directory")
          .toRealPath()
          .resolve(abs.getFileName());
    } catch (IOException e) {
      return abs;
    }
  }

  private static LockedException refused(Path path, Path lockFile, String owner, long pid) {
    long self = ProcessHandle.current().pid();
    String who =
        pid < 0
            ? "another process (pid not yet recorded)"
            : pid == self
                ? "this process (pid " + pid + "), by another component"
                : "another process (pid " + pid + ")";
    return new LockedException(
        owner
            + ": "
            + path
            + " is locked by "
            + who
            + "; lock file "
            + lockFile
            + ". Only one gordon process may write it: stop the other one first (for a"
            + " blue/green handover, stop the old process before starting the new one), or give this"
            + " one its own directory.",
        path,
        pid);
  }

  /** Writes who holds the lock. The lock is already held, so no holder can be torn by us. */
  private static void stamp(FileChannel ch, String owner) throws IOException {
    String text =
        "pid="
            + ProcessHandle.current().pid()
            + "\nowner="
            + owner.replace('\n', ' ')
            + "\nsince="
            + Instant.now()
            + "\n";
    ch.truncate(0);
    ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    long pos = 0;
    while (buf.hasRemaining()) {
      pos += ch.write(buf, pos);
    }
    ch.force(false);
  }

  /** The pid recorded in a lock file, or -1 when none is recorded (yet). */
  private static long holder(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
      // read what is there
    }
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.matches("pid=[0-9]{1,18}")) {
        return Long.parseLong(line.substring(4));
      }
    }
    return -1;
  }

  private static void closeQuietly(@Nullable FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // the lock, if any, goes with the channel
      }
    }
  }

  /**
   * The locked directory or file.
   *
   * @return the path given to {@code acquire}
   */
  public Path path() {
    return path;
  }

  /**
   * The lock file.
   *
   * @return {@code <directory>/.lock} or {@code <file>.lock}
   */
  public Path lockFile() {
    return lockFile;
  }

  /**
   * Whether this lock is still held.
   *
   * @return false once closed
   */
  public boolean held() {
    return lock.isValid();
  }

  /** Releases the lock; the lock file stays (see the class comment). Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(channel);
      HELD.remove(key);
    }
  }
}
