package io.gordon.local.zonefile;

import io.gordon.api.ProviderException;
import io.gordon.local.zonefile.ZoneFileInput.Parsed;
import io.gordon.local.zonefile.ZoneFileInput.Stamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each zone in memory, its journal and its file. The copy in memory is the file plus the
 * journal's pending entries (acknowledged batches the file does not hold yet): {@link #commit}
 * makes a batch durable with one journal append, {@link #rewrite} writes the file and empties the
 * journal. The pending entries are kept only in the journal, and the RRsets' state before them only
 * as the bytes of the file gordon last wrote or read: both are read back in the rare case that the
 * zone must be parsed again, so that what a batch leaves behind in memory is the zone itself. The
 * copy is trusted only while the file on disk is the one gordon last wrote or read (same inode,
 * modification time and size); after any other writer's edit the next call parses the file again
 * and applies the pending entries on top, so an edit is neither lost nor loses them. Callers hold
 * the zone's lock.
 */
final class ZoneStore {
  /** One zone's state. */
  private static final class State {
    ZoneData data;
    Stamp stamp;
    ZoneJournal journal;
    long sequence;

    /** Whether the journal holds acknowledged batches that the file does not. */
    boolean lagging;

    /**
     * The file's content as gordon last wrote or read it (set whenever {@link #stamp} is): the
     * state the pending entries started from, which a merge compares another writer's edit with.
     * The pieces are slices of the text runs' own arrays (no copy), which a run renders into again
     * only once a later write has replaced this content ({@link ZoneData#written}).
     */
    List<ByteBuffer> file = List.of();
  }

  private final ZoneFileSettings settings;
  private final Clock clock;
  private final System.Logger log;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  ZoneStore(ZoneFileSettings settings, Clock clock, System.Logger log) {
    this.settings = settings;
    this.clock = clock;
    this.log = log;
  }

  /**
   * Opens the zone's journal and loads the zone: the file (created when absent) plus the journal's
   * entries that the file does not hold, left there by a crash. They are pending until the next
   * {@link #rewrite}.
   */
  ZoneData open(String zone) {
    State s = state(zone);
    Path path = ZoneJournal.of(settings.file(zone));
    ZoneJournal.Opened o;
    try {
      o = ZoneJournal.open(path);
    } catch (IOException e) {
      throw ZoneFileInput.ioFailure(zone, "cannot read " + path, e);
    }
    if (o.tornBytes() > 0) {
      log.log(
          System.Logger.Level.WARNING,
          path + ": dropped a torn last entry of " + o.tornBytes() + " bytes (never acknowledged)");
    }
    s.journal = o.journal();
    s.lagging = !o.entries().isEmpty();
    o.entries().forEach(e -> s.sequence = Math.max(s.sequence, e.sequence()));
    ZoneData data = load(zone);
    if (!s.lagging && !s.journal.isEmpty()) {
      s.journal.resetOrWarn(log); // the file holds every entry already
    }
    return data;
  }

  /** Whether acknowledged changes are in the journal but not yet in the file. */
  boolean pending(String zone) {
    return state(zone).lagging;
  }

  /**
   * The zone: the copy in memory when the file is unchanged since gordon last wrote or read it,
   * else the file parsed again with the pending entries applied on top; the file is created first
   * when absent. The caller may edit the result, then {@link #commit} or {@link #forget} it.
   */
  ZoneData load(String zone) {
    State s = state(zone);
    Path file = settings.file(zone);
    Optional<Stamp> now = ZoneFileInput.stamp(zone, file);
    if (now.isEmpty() && s.data != null) {
      // Deleted under a running gordon: an accident far more often than a wish for an empty zone.
      s.stamp = null;
      if (!rewrite(s.data)) {
        return load(zone);
      }
      log.log(
          System.Logger.Level.WARNING,
          file
              + " was deleted while gordon runs: written again from gordon's copy of the zone (to"
              + " start it afresh, stop gordon first)");
      return s.data;
    }
    if (now.isEmpty()) {
      ZoneData created = NewZone.create(zone, settings, 0);
      pendingAbove(zone, s, 0).forEach(e -> e.applyTo(created));
      created.forgetTouched();
      s.stamp = null; // the file is absent
      if (!rewrite(created)) {
        return load(zone); // another writer created it meanwhile
      }
      log.log(System.Logger.Level.INFO, "created zone file " + file + " for " + zone);
      return created;
    }
    if (s.data != null && now.get().equals(s.stamp)) {
      return s.data;
    }
    Parsed read;
    try {
      read = ZoneFileInput.parse(zone, file, settings.defaultTtl());
    } catch (ProviderException e) {
      s.data = null;
      throw e;
    }
    ZoneData data = read.data();
    List<JournalEntry> pending = pendingAbove(zone, s, data.sequence()); // the file holds the rest
    s.sequence = Math.max(s.sequence, data.sequence());
    if (s.stamp == null || pending.isEmpty() || now.get().equals(s.stamp)) {
      replay(zone, s, data, pending); // at start, what a crash left; else after a failed write
    } else {
      merge(zone, s, data, now.get(), pending); // another writer changed the file under them
      return data;
    }
    // The stamp read before the text: if the file changed in between, the next stamp differs.
    s.data = data;
    s.stamp = now.get();
    s.file = List.of(ByteBuffer.wrap(read.bytes()));
    s.lagging = !pending.isEmpty();
    return data;
  }

  /** The journal's entries above {@code sequence} (none when it holds nothing pending). */
  private List<JournalEntry> pendingAbove(String zone, State s, long sequence) {
    if (!s.lagging) {
      return List.of();
    }
    try {
      return s.journal.entries().stream().filter(e -> e.sequence() > sequence).toList();
    } catch (IOException e) {
      throw ZoneFileInput.ioFailure(zone, "cannot read " + s.journal.file(), e);
    }
  }

  private void replay(String zone, State s, ZoneData data, List<JournalEntry> pending) {
    pending.forEach(e -> e.applyTo(data));
    data.forgetTouched();
    data.sequence(s.sequence);
    if (!pending.isEmpty()) {
      // The failure that left them there was logged when it happened; this is the recovery.
      log.log(
          System.Logger.Level.INFO,
          settings.file(zone)
              + ": recovered "
              + pending.size()
              + (pending.size() == 1 ? " batch" : " batches")
              + " of changes that were acknowledged and kept in "
              + s.journal.file().getFileName()
              + " but were not in the file yet (a write of the file failed, e.g. on a full"
              + " disk, or gordon stopped before the file caught up); nothing was lost: they"
              + " are applied and the file is written with them");
    }
  }

  /**
   * Another writer replaced the file while batches were only in the journal: their changes go on
   * top of the edit, except on RRsets the edit itself changed (there the edit, the later word,
   * wins, and the overridden changes are logged), and the result is written at once so that the
   * journal holds nothing the file contradicts.
   */
  private void merge(
      String zone, State s, ZoneData edited, Stamp stamp, List<JournalEntry> pending) {
    ZoneData base = ZoneFileParser.parse(ZoneFileInput.text(s.file), zone, settings.defaultTtl());
    List<String> overridden = EditMerge.apply(pending, base, edited);
    edited.forgetTouched();
    log.log(
        System.Logger.Level.WARNING,
        settings.file(zone)
            + " was changed by another writer while "
            + pending.size()
            + " acknowledged batches were only in "
            + s.journal.file().getFileName()
            + ": applied them on top"
            + (overridden.isEmpty() ? "" : "; the edit wins on " + overridden));
    Stamp before = s.stamp;
    s.stamp = stamp; // the edit is the file the rewrite replaces
    boolean written = false;
    try {
      written = rewrite(edited);
    } finally {
      if (!written) {
        s.stamp = before; // so the next call merges again
      }
    }
  }

  /**
   * Makes the changes made to {@code data} since its last commit durable in the journal. Returns
   * whether there were any. On failure nothing is acknowledged and the copy in memory is dropped.
   */
  boolean commit(ZoneData data) {
    String zone = data.origin();
    State s = state(zone);
    List<JournalEntry.Effect> effects = data.drainEffects();
    if (effects.isEmpty()) {
      return false;
    }
    JournalEntry entry = new JournalEntry(s.sequence + 1, effects);
    try {
      s.journal.append(entry, log);
    } catch (IOException e) {
      s.data = null; // holds the batch, which is not durable: the next load rebuilds it
      throw ZoneFileInput.ioFailure(zone, "cannot write " + s.journal.file(), e);
    }
    s.sequence = entry.sequence();
    s.lagging = true;
    data.sequence(s.sequence);
    return true;
  }

  /**
   * Writes {@code data} (which must hold every committed batch, and may hold uncommitted changes,
   * which the write then makes durable) atomically with the next SOA serial, remembers it as the
   * file and empties the journal. Returns false, writing nothing, when another writer replaced the
   * file since gordon last wrote or read it. On false or failure the uncommitted changes are still
   * there to {@link #commit}.
   */
  boolean rewrite(ZoneData data) {
    String zone = data.origin();
    State s = state(zone);
    Path file = settings.file(zone);
    data.soa(data.soa().withSerial(Soa.nextSerial(data.soa().serial(), clock)));
    data.sequence(s.sequence);
    BasicFileAttributes written;
    Stamp last = s.stamp;
    ByteBuffer[] content = ZoneFileWriter.buffers(data);
    List<ByteBuffer> pieces = Arrays.stream(content).map(ByteBuffer::duplicate).toList(); // unread
    try {
      written =
          ZoneFileOutput.write(
              file,
              () -> Objects.equals(ZoneFileInput.stamp(zone, file).orElse(null), last),
              content);
    } catch (IOException e) {
      s.data = null; // parse again: the rename may have happened
      throw ZoneFileInput.ioFailure(zone, "cannot write " + file, e);
    }
    if (written == null) {
      s.data = null; // another writer's edit: the next load merges the pending batches into it
      log.log(System.Logger.Level.INFO, file + " changed while being rewritten: read it again");
      return false;
    }
    data.forgetTouched();
    s.data = data;
    s.stamp = Stamp.of(written);
    s.file = pieces;
    data.written(); // the runs' arrays of the content s.file held before are free again
    s.lagging = false;
    if (!s.journal.isEmpty()) {
      s.journal.resetOrWarn(log);
    }
    return true;
  }

  /** Drops the copy in memory (edited but not committed): the next load rebuilds it. */
  void forget(String zone) {
    state(zone).data = null;
  }

  /** Closes the journals. */
  void close() {
    for (State s : states.values()) {
      try {
        if (s.journal != null) {
          s.journal.close();
        }
      } catch (IOException e) {
        log.log(System.Logger.Level.WARNING, "cannot close " + s.journal.file() + ": " + e);
      }
    }
    states.clear();
  }

  private State state(String zone) {
    return states.computeIfAbsent(zone, z -> new State());
  }
}
