package io.gordon.service;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The reason of a failed file read in words: the JDK's file exceptions carry only the path as their
 * message, so "cannot read x.json: x.json" said nothing.
 */
final class IoReason {
  private IoReason() {}

  static String of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m =
        e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getMessage();
    return "Is a directory".equals(m) ? "it is a directory" : String.valueOf(m);
  }

  /**
   * The reason a write of {@code target} failed: a missing parent is named, since "no such file"
   * about a file one is creating says nothing.
   */
  static String ofWrite(Path target, IOException e) {
    Path parent = target.toAbsolutePath().getParent();
    if (e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) {
      Path shown = target.getParent() == null ? parent : target.getParent();
      return "directory " + shown + " does not exist";
    }
    return of(e);
  }
}
