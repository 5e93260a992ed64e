package io.gordon.local.zonefile;

import io.gordon.api.ProviderException;
import io.gordon.local.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes the zone files, keeping each zone in memory between calls. The copy in memory is
 * trusted only while the file on disk is the one gordon last wrote or read (same inode,
 * modification time and size); any other writer's edit makes the next call parse the file again. So
 * a batch costs one {@code stat} plus the rewrite, not a parse of the whole zone. Callers hold the
 * zone's lock.
 */
final class ZoneStore {
  private static final String PROVIDER = ZoneEditor.PROVIDER;

  /** What identifies one version of a file on disk. */
  private record Stamp(Object fileKey, FileTime modified, long size) {}

  private record Cached(ZoneData data, Stamp stamp) {}

  private final ZoneFileSettings settings;
  private final Clock clock;
  private final System.Logger log;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  ZoneStore(ZoneFileSettings settings, Clock clock, System.Logger log) {
    this.settings = settings;
    this.clock = clock;
    this.log = log;
  }

  /**
   * The zone as on disk: the copy in memory when the file is unchanged since gordon last wrote or
   * read it, else the file parsed again; the file is created first when absent. The caller may edit
   * the result, and must {@link #write} or {@link #forget} it afterwards.
   */
  ZoneData load(String zone) {
    Path file = settings.file(zone);
    Optional<Stamp> now = stamp(zone, file);
    if (now.isEmpty()) {
      ZoneData created = NewZone.create(zone, settings, 0);
      write(created);
      log.log(System.Logger.Level.INFO, "created zone file " + file + " for " + zone);
      return created;
    }
    Cached c = cache.get(zone);
    if (c != null && c.stamp().equals(now.get())) {
      return c.data();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ioFailure(zone, "cannot read " + file, e);
    }
    ZoneData data;
    try {
      data = ZoneFileParser.parse(text, zone, settings.defaultTtl());
    } catch (ZoneFileException | IllegalArgumentException e) {
      cache.remove(zone);
      throw new ProviderException(
          PROVIDER,
          zone,
          "",
          "",
          true,
          PROVIDER + ": " + file + " " + e.getMessage() + " (fix the file; gordon retries)",
          e);
    }
    // The stamp read before the text: if the file changed in between, the next stamp differs.
    cache.put(zone, new Cached(data, now.get()));
    return data;
  }

  /** Writes {@code data} atomically with the next SOA serial and remembers it as the file. */
  void write(ZoneData data) {
    String zone = data.origin();
    Path file = settings.file(zone);
    cache.remove(zone);
    data.soa(data.soa().withSerial(serial(data.soa().serial())));
    try {
      AtomicFiles.write(file, ZoneFileWriter.buffers(data));
    } catch (IOException e) {
      throw ioFailure(zone, "cannot write " + file, e);
    }
    stamp(zone, file).ifPresent(s -> cache.put(zone, new Cached(data, s)));
  }

  /** Drops the copy in memory (edited but not written): the next load parses the file. */
  void forget(String zone) {
    cache.remove(zone);
  }

  /** The next serial: at least one more than the last, and at least today's YYYYMMDD00. */
  long serial(long previous) {
    LocalDate d = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    long dated = (d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth()) * 100;
    return Math.max((previous + 1) & 0xffffffffL, dated);
  }

  private Optional<Stamp> stamp(String zone, Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new Stamp(a.fileKey(), a.lastModifiedTime(), a.size()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw ioFailure(zone, "cannot read " + file, e);
    }
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
