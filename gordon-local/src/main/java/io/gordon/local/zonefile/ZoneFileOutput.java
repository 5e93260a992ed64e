package io.gordon.local.zonefile;

import io.gordon.local.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a zone file as {@link AtomicFiles#write} does (temporary file, fsync, rename, directory
 * fsync), unless another writer replaced the file meanwhile (checked just before the rename, so
 * that the slow part, writing and syncing megabytes, cannot hide an edit), and returns the new
 * file's attributes read from the temporary file before the rename: read after it, they could be
 * another writer's who renamed its own file in between, whose edit gordon would then take for its
 * own and never read.
 */
final class ZoneFileOutput {
  private ZoneFileOutput() {}

  /** Whether the file is still the one gordon last wrote or read. */
  @FunctionalInterface
  interface Unchanged {
    boolean holds() throws IOException;
  }

  /** The new file's attributes, or null when {@code unchanged} failed and nothing was written. */
  static BasicFileAttributes write(Path target, Unchanged unchanged, ByteBuffer... content)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    BasicFileAttributes written;
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        long left = 0;
        for (ByteBuffer b : content) {
          left += b.remaining();
        }
        while (left > 0) {
          left -= ch.write(content);
        }
        ch.force(true);
      }
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the default permissions
      }
      written = Files.readAttributes(tmp, BasicFileAttributes.class);
      if (!unchanged.holds()) {
        return null;
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    AtomicFiles.syncDirectory(dir);
    return written;
  }
}
