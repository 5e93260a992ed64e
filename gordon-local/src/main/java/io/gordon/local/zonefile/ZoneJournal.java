package io.gordon.local.zonefile;

import io.gordon.local.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A zone's journal, {@code <zone file>.journal}: the batches acknowledged since the zone file was
 * last rewritten, so that a batch is durable after one small append and fdatasync instead of a
 * rewrite of the whole file. Emptied (truncated, never deleted) once a rewrite holds its entries.
 * Not thread-safe; used under the zone's lock.
 */
final class ZoneJournal implements AutoCloseable {
  private final Path file;
  private FileChannel channel;

  /** Bytes of whole entries; anything after them (a failed append's remains) is overwritten. */
  private long length;

  private ZoneJournal(Path file, FileChannel channel, long length) {
    this.file = file;
    this.channel = channel;
    this.length = length;
  }

  /**
   * What {@link #open} found.
   *
   * @param journal the journal, ready to append after its last whole entry
   * @param entries its whole entries
   * @param tornBytes bytes after them that were cut off (a crash during an append) and are dropped
   */
  record Opened(ZoneJournal journal, List<JournalEntry> entries, long tornBytes) {}

  /** The journal of {@code zoneFile}. */
  static Path of(Path zoneFile) {
    return zoneFile.resolveSibling(zoneFile.getFileName() + ".journal");
  }

  /**
   * Opens (creating) the journal at {@code file}, reads its whole entries and cuts off a torn tail.
   */
  static Opened open(Path file) throws IOException {
    boolean existed = Files.exists(file);
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      if (!existed) {
        AtomicFiles.syncDirectory(file.toAbsolutePath().getParent()); // the name survives a crash
      }
      long size = ch.size();
      ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
      while (all.hasRemaining() && ch.read(all, all.position()) >= 0) {
        // read to the end
      }
      all.flip();
      JournalEntry.Decoded d = JournalEntry.decode(all);
      if (d.valid() < size) {
        ch.truncate(d.valid());
        ch.force(false);
      }
      return new Opened(new ZoneJournal(file, ch, d.valid()), d.entries(), size - d.valid());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  /** Whether the journal holds no entry. */
  boolean isEmpty() {
    return length == 0;
  }

  /**
   * The whole entries appended since the journal was opened or last reset, read back from the file:
   * the journal is the only copy of the batches the zone file lags behind (keeping them in memory
   * too made every batch's objects live until the next rewrite, which at 100,000 records came
   * seconds later: the young collections copied and promoted them all). Read only when the file
   * must be parsed again with them on top, which is rare.
   */
  List<JournalEntry> entries() throws IOException {
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(length));
    while (all.hasRemaining()) {
      if (channel.read(all, all.position()) < 0) {
        break;
      }
    }
    all.flip();
    JournalEntry.Decoded d = JournalEntry.decode(all);
    if (d.valid() != length) {
      throw new IOException(
          "damaged: "
              + (length - d.valid())
              + " bytes of acknowledged entries from byte "
              + d.valid()
              + " no longer read back");
    }
    return d.entries();
  }

  /**
   * Appends {@code entry} and returns once it is on disk (fdatasync) under the journal's name. When
   * that name was deleted (by hand: the file looks temporary), appending to the open, nameless file
   * would leave nothing for the recovery after a crash to read, so the journal is written again
   * under its name first, and a warning names it.
   */
  void append(JournalEntry entry, System.Logger log) throws IOException {
    ByteBuffer frame = ByteBuffer.wrap(entry.encode());
    if (channel.size() > length) {
      channel.truncate(length); // the remains of an append that failed
    }
    long at = length;
    while (frame.hasRemaining()) {
      at += channel.write(frame, at);
    }
    channel.force(false);
    if (!Files.exists(file)) { // one stat per append, which is one fdatasync already
      recreate(at);
      log.log(
          System.Logger.Level.WARNING,
          file
              + " was deleted while gordon runs: written again with the acknowledged batches the"
              + " zone file does not hold yet, so that a crash loses none of them (never delete"
              + " it: it is emptied at every rewrite)");
    }
    length = at;
  }

  /**
   * Writes the first {@code size} bytes of the open, nameless journal to a new file under its name
   * (atomically, directory fsynced) and appends to that from now on.
   */
  private void recreate(long size) throws IOException {
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
    while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
      // read to the end
    }
    all.flip();
    AtomicFiles.write(file, all);
    FileChannel fresh = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    channel.close();
    channel = fresh;
  }

  /** Drops every entry (the zone file now holds them). */
  void reset() throws IOException {
    channel.truncate(0);
    channel.force(false);
    length = 0;
  }

  /** {@link #reset}; a failure is harmless (the entries are skipped by sequence) but logged. */
  void resetOrWarn(System.Logger log) {
    try {
      reset();
    } catch (IOException e) {
      log.log(
          System.Logger.Level.WARNING,
          "cannot empty " + file + " (its entries are in the zone file): " + e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
