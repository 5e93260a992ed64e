package io.gordon.local.zonefile;

import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.local.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link DnsProvider} that keeps one master file per zone. Each call reads a zone's file
 * once, applies all of that call's changes to it in order, and writes it once (atomically, with
 * the SOA serial increased). The file is read again on every call, so edits made while gordon
 * is stopped are kept. Thread-safe: one lock per zone.
 */
final class ZoneFileProvider implements DnsProvider {
  private static final String PROVIDER = ZoneEditor.PROVIDER;
  private final ZoneFileSettings settings;
  private final Clock clock;
  private final System.Logger log;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  ZoneFileProvider(ZoneFileSettings settings, Clock clock, System.Logger log) {
    this.settings = settings;
    this.clock = clock;
    this.log = log;
  }

  @Override
  public Set<String> zones() {
    return new LinkedHashSet<>(settings.zones());
  }

  /** Creates missing zone files and checks that the existing ones parse. */
  @Override
  public void start() {
    for (String zone : settings.zones()) {
      locked(zone, () -> {
        load(zone);
        return null;
      });
    }
  }

  @Override
  public List<ChangeResult> apply(List<Change> changes) {
    ChangeResult[] results = new ChangeResult[changes.size()];
    Map<String, List<Integer>> byZone = new LinkedHashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      Optional<String> zone = zoneOf(c.name());
      if (zone.isEmpty()) {
        results[i] = new ChangeResult.Failed(c, new PermanentException(PROVIDER + ": "
            + c.name() + " is outside the managed zones " + settings.zones()
            + " (expected a name in one of them)"));
      } else {
        byZone.computeIfAbsent(zone.get(), z -> new ArrayList<>()).add(i);
      }
    }
    byZone.forEach((zone, indexes) -> locked(zone, () -> {
      applyToZone(zone, indexes, changes, results);
      return null;
    }));
    return Arrays.asList(results);
  }

  private void applyToZone(String zone, List<Integer> indexes, List<Change> changes,
      ChangeResult[] results) {
    ZoneData data;
    try {
      data = load(zone);
    } catch (ProviderException e) {
      indexes.forEach(i -> results[i] = new ChangeResult.Failed(changes.get(i), e));
      return;
    }
    ZoneEditor editor = new ZoneEditor(data, settings.defaultTtl());
    for (int i : indexes) {
      results[i] = editor.apply(changes.get(i));
    }
    if (!editor.modified()) {
      return;
    }
    try {
      write(data);
    } catch (ProviderException e) {
      for (int i : indexes) {
        if (results[i] instanceof ChangeResult.Applied) {
          results[i] = new ChangeResult.Failed(changes.get(i), e);
        }
      }
    }
  }

  @Override
  public Optional<RecordSet> read(String name, RecordType type) {
    String n = DnsNames.normalize(name);
    return zoneOf(n).flatMap(zone -> locked(zone, () -> load(zone).get(n, type)));
  }

  @Override
  public List<RecordSet> list(String zone) {
    String z = DnsNames.normalize(zone);
    if (!settings.zones().contains(z)) {
      throw new PermanentException(PROVIDER + ": zone " + z + " is not managed (expected one of "
          + settings.zones() + ")");
    }
    return locked(z, () -> load(z).sets().stream()
        .filter(s -> !(s.type() == RecordType.NS && s.name().equals(z))).toList());
  }

  private Optional<String> zoneOf(String name) {
    return settings.zones().stream().filter(z -> DnsNames.isInZone(name, z))
        .max((a, b) -> Integer.compare(a.length(), b.length()));
  }

  /** Reads the zone's file, creating it first when absent. */
  private ZoneData load(String zone) {
    java.nio.file.Path file = settings.file(zone);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      ZoneData created = NewZone.create(zone, settings, 0);
      write(created);
      log.log(System.Logger.Level.INFO, "created zone file " + file + " for " + zone);
      return created;
    } catch (IOException e) {
      throw new ProviderException(PROVIDER, zone, "", "", true, PROVIDER + ": cannot read "
          + file + ": " + e, e);
    }
    try {
      return ZoneFileParser.parse(text, zone, settings.defaultTtl());
    } catch (ZoneFileException | IllegalArgumentException e) {
      throw new ProviderException(PROVIDER, zone, "", "", true, PROVIDER + ": " + file + " "
          + e.getMessage() + " (fix the file; gordon retries)", e);
    }
  }

  private void write(ZoneData data) {
    data.soa(data.soa().withSerial(serial(data.soa().serial())));
    java.nio.file.Path file = settings.file(data.origin());
    try {
      AtomicFiles.write(file, ZoneFileWriter.write(data, settings.defaultTtl())
          .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ProviderException(PROVIDER, data.origin(), "", "", true, PROVIDER
          + ": cannot write " + file + ": " + e, e);
    }
  }

  /** The next serial: at least one more than the last, and at least today's YYYYMMDD00. */
  long serial(long previous) {
    LocalDate d = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    long dated = (d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth()) * 100;
    return Math.max((previous + 1) & 0xffffffffL, dated);
  }

  private <T> T locked(String zone, java.util.function.Supplier<T> body) {
    ReentrantLock lock = locks.computeIfAbsent(zone, z -> new ReentrantLock());
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
