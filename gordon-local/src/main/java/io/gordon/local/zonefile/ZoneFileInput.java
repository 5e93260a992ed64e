package io.gordon.local.zonefile;

import io.gordon.api.ProviderException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * Reading a zone file from disk for {@link ZoneStore}: which version of the file is there (its
 * {@link Stamp}), the file parsed, and the errors a provider reports for either (the file and the
 * system's reason, retriable). The writing side is {@link ZoneFileOutput}.
 */
final class ZoneFileInput {
  private static final String PROVIDER = ZoneEditor.PROVIDER;

  private ZoneFileInput() {}

  /** What identifies one version of a file on disk. */
  record Stamp(Object fileKey, FileTime modified, long size) {
    static Stamp of(BasicFileAttributes a) {
      return new Stamp(a.fileKey(), a.lastModifiedTime(), a.size());
    }
  }

  /** A zone parsed from a file's bytes. */
  record Parsed(ZoneData data, byte[] bytes) {}

  /** The file's stamp, or empty when there is no file. */
  static Optional<Stamp> stamp(String zone, Path file) {
    try {
      return Optional.of(Stamp.of(Files.readAttributes(file, BasicFileAttributes.class)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw ioFailure(zone, "cannot read " + file, e);
    }
  }

  /**
   * The file read and parsed, with the journal sequence its header names; a file that does not
   * parse is a retriable failure naming the file, line and problem.
   */
  static Parsed parse(String zone, Path file, int defaultTtl) {
    byte[] bytes;
    String text;
    try {
      bytes = Files.readAllBytes(file);
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ioFailure(zone, "cannot read " + file, e);
    }
    try {
      ZoneData data = ZoneFileParser.parse(text, zone, defaultTtl);
      data.sequence(ZoneFileWriter.sequence(text));
      return new Parsed(data, bytes);
    } catch (ZoneFileException | IllegalArgumentException e) {
      throw new ProviderException(
          PROVIDER,
          zone,
          "",
          "",
          true,
          PROVIDER + ": " + file + " " + e.getMessage() + " (fix the file; gordon retries)",
          e);
    }
  }

  /** The pieces of a file as one text. */
  static String text(List<ByteBuffer> pieces) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (ByteBuffer b : pieces) {
      all.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  /**
   * A retriable failure naming the file and the system's reason (e.g. "No space left on device"),
   * so that the router retries and readiness shows it.
   */
  static ProviderException ioFailure(String zone, String what, IOException e) {
    String reason;
    if (e instanceof FileSystemException f) {
      reason =
          (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName())
              + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
    } else {
      reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    return new ProviderException(
        PROVIDER,
        zone,
        "",
        "",
        true,
        PROVIDER + ": " + what + ": " + reason + " (nothing was written; gordon retries)",
        e);
  }
}
