package io.gordon.rfc2136;

import io.gordon.api.GordonException;
import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;

/**
 * The changes of one {@code apply} call for one zone, cut into UPDATE messages ("chunks") of at
 * most {@code max_changes_per_update} changes and an estimated size under the message limit, with
 * one change per owner name per chunk: prerequisites are checked before any update of the message,
 * so a second change to a name must see the first one's result. Chunks that share a name are sent
 * in order; the others are sent concurrently, at most {@code max_updates_in_flight} at a time.
 */
final class ZoneBatch {
  /**
   * Most concurrent reads (queries before removals, CNAME replacements and claimed replacements of
   * existing RRsets) per process.
   */
  static final int MAX_READS = 64;

  private static final Semaphore READS = new Semaphore(MAX_READS);

  /** The furthest offset a compression pointer reaches (14 bits, RFC 1035 4.1.4). */
  static final int POINTER_REACH = 0x3FFF;

  /** Header, zone section and TSIG of an UPDATE: a margin before the first change. */
  private static final int UPDATE_HEADER = 512;

  private final String zone;
  private final List<Change> changes;
  private final List<Integer> indexes;
  private final Rfc2136Settings settings;
  private final ChangePlanner planner;
  private final UpdateSender sender;
  private final BiFunction<String, RecordType, Optional<RecordSet>> reader;

  ZoneBatch(
      String zone,
      List<Change> changes,
      List<Integer> indexes,
      Rfc2136Settings settings,
      UpdateSender sender,
      BiFunction<String, RecordType, Optional<RecordSet>> reader) {
    this.zone = zone;
    this.changes = changes;
    this.indexes = indexes;
    this.settings = settings;
    this.planner = new ChangePlanner(settings);
    this.sender = sender;
    this.reader = reader;
  }

  /** Starts every chunk; the future completes when all results are in {@code results}. */
  CompletableFuture<Void> run(
      ExecutorService executor, Semaphore inFlight, ChangeResult[] results) {
    List<List<Integer>> chunks = chunks();
    List<CompletableFuture<Void>> done = new ArrayList<>();
    Map<String, Integer> lastChunkOfName = new HashMap<>();
    for (int k = 0; k < chunks.size(); k++) {
      List<Integer> chunk = chunks.get(k);
      Set<CompletableFuture<Void>> before = new HashSet<>();
      for (int i : chunk) {
        Integer prev = lastChunkOfName.put(changes.get(i).name(), k);
        if (prev != null) {
          before.add(done.get(prev));
        }
      }
      CompletableFuture<Void> after =
          CompletableFuture.allOf(before.toArray(CompletableFuture[]::new)).handle((v, e) -> null);
      done.add(after.thenRunAsync(() -> runChunk(chunk, inFlight, results), executor));
    }
    return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
  }

  List<List<Integer>> chunks() {
    List<List<Integer>> chunks = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> reachable = new HashSet<>();
    int size = 0;
    for (int i : indexes) {
      Change c = changes.get(i);
      boolean compressed = size + UPDATE_HEADER < POINTER_REACH;
      String parent = UpdateSize.parent(c.name());
      int estimate = UpdateSize.estimate(zone, c, compressed, reachable.contains(parent));
      boolean full =
          current.size() >= settings.maxChangesPerUpdate()
              || size + estimate > sender.messageLimit()
              || names.contains(c.name());
      if (full && !current.isEmpty()) {
        chunks.add(current);
        current = new ArrayList<>();
        names.clear();
        reachable.clear();
        size = 0;
        compressed = true;
        estimate = UpdateSize.estimate(zone, c, true, false);
      }
      current.add(i);
      names.add(c.name());
      if (compressed) {
        reachable.add(parent);
      }
      size += estimate;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  private void runChunk(List<Integer> chunk, Semaphore inFlight, ChangeResult[] results) {
    try {
      if (optimistic(chunk) && sendOptimistic(chunk, inFlight, results)) {
        return;
      }
      List<Op> ops = plan(chunk, results);
      inFlight.acquireUninterruptibly();
      try {
        sender.send(zone, ops, results);
      } finally {
        inFlight.release();
      }
    } catch (RuntimeException e) {
      GordonException error =
          new ProviderException(
              settings.plugin(),
              zone,
              "",
              "",
              false,
              "unexpected failure while updating zone " + zone + ": " + e,
              e);
      for (int i : chunk) {
        if (results[i] == null) {
          results[i] = new ChangeResult.Failed(changes.get(i), error);
        }
      }
    }
  }

  /**
   * Whether the chunk may be sent first without reading anything: every change is a claimed
   * replacement that needs no read of its own (not a CNAME), the common case of new names.
   */
  private boolean optimistic(List<Integer> chunk) {
    return chunk.stream()
        .map(changes::get)
        .allMatch(
            c ->
                c instanceof Change.Replace
                    && c.ownership().isPresent()
                    && ChangePlanner.readBefore(c).isEmpty());
  }

  /**
   * Sends the chunk planned as if every marker were absent (the prerequisites say so: a new RRset
   * and its marker, or an adopted RRset without marker), saving a read per change. When any
   * prerequisite fails (an existing marker), nothing was applied and the caller plans the chunk
   * again with the markers read: one extra message, only for chunks that touch existing records.
   * Plain changes (the common case, see {@link WireOps}) are written straight to the wire.
   */
  private boolean sendOptimistic(List<Integer> chunk, Semaphore inFlight, ChangeResult[] results) {
    Optional<List<WireOp>> wire = WireOps.plan(changes, chunk, zone, settings.defaultTtl());
    if (wire.isPresent()) {
      inFlight.acquireUninterruptibly();
      try {
        return sender.sendWire(zone, wire.get(), results);
      } finally {
        inFlight.release();
      }
    }
    List<Op> ops = new ArrayList<>();
    for (int i : chunk) {
      try {
        if (planner.plan(i, changes.get(i), zone, Optional.empty(), Optional.empty())
            instanceof ChangePlanner.Planned.Send s) {
          ops.add(s.op());
        } else {
          return false;
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    inFlight.acquireUninterruptibly();
    try {
      return sender.sendAll(zone, ops, results);
    } finally {
      inFlight.release();
    }
  }

  /** At most {@link #MAX_READS} reads at once, so a batch of removals cannot flood the server. */
  private Optional<RecordSet> boundedRead(String name, RecordType type) {
    READS.acquireUninterruptibly();
    try {
      return reader.apply(name, type);
    } finally {
      READS.release();
    }
  }

  /**
   * Reads what the chunk's changes need (concurrently): the RRsets {@link ChangePlanner#readBefore}
   * and {@link ChangePlanner#readToCompare} name and the markers of claimed changes; then plans
   * them.
   */
  private List<Op> plan(List<Integer> chunk, ChangeResult[] results) {
    Map<Integer, CompletableFuture<Optional<RecordSet>>> reads = new HashMap<>();
    Map<Integer, CompletableFuture<Optional<RecordSet>>> markers = new HashMap<>();
    for (int i : chunk) {
      Change c = changes.get(i);
      if (results[i] != null) {
        continue; // applied by an optimistic half message
      }
      ChangePlanner.readBefore(c)
          .or(() -> ChangePlanner.readToCompare(c))
          .ifPresent(type -> reads.put(i, readAsync(c.name(), type)));
      try {
        Markers.markerName(c, zone).ifPresent(m -> markers.put(i, readAsync(m, RecordType.TXT)));
      } catch (IllegalArgumentException e) {
        results[i] = refused(c, e);
      }
    }
    List<Op> ops = new ArrayList<>();
    for (int i : chunk) {
      Change c = changes.get(i);
      if (results[i] != null) {
        continue;
      }
      try {
        Optional<RecordSet> live = join(reads.get(i));
        Optional<RecordSet> marker = join(markers.get(i));
        switch (planner.plan(i, c, zone, live, marker)) {
          case ChangePlanner.Planned.Send s -> ops.add(s.op());
          case ChangePlanner.Planned.Done d -> results[i] = d.result();
        }
      } catch (GordonException e) {
        results[i] = new ChangeResult.Failed(c, e);
      } catch (IllegalArgumentException e) {
        results[i] = refused(c, e);
      }
    }
    return ops;
  }

  private CompletableFuture<Optional<RecordSet>> readAsync(String name, RecordType type) {
    return CompletableFuture.supplyAsync(() -> boundedRead(name, type), Thread.ofVirtual()::start);
  }

  /** The read's result; empty when nothing was read; rethrows a read's gordon error. */
  private static Optional<RecordSet> join(CompletableFuture<Optional<RecordSet>> read) {
    if (read == null) {
      return Optional.empty();
    }
    try {
      return read.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof GordonException g) {
        throw g;
      }
      throw e;
    }
  }

  private ChangeResult refused(Change c, IllegalArgumentException e) {
    return new ChangeResult.Failed(
        c,
        new ProviderException(
            settings.plugin(), zone, c.name(), c.type().name(), false, e.getMessage(), e));
  }
}
