package io.gordon.core.router;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Message ids in flight, and ids settled within the dedup window. In-flight ids are kept exactly,
 * with their flights (at most {@code core.max_in_flight} of them). Settled ids, up to 600,000 at
 * 1,000 events/s over the default 10 minutes, are kept only as a 128-bit hash in a {@link
 * SettledIds} (~32-64 bytes per id instead of ~170 for a string in a map): {@link SipHash}, keyed
 * with a random key per process. Two different ids share a hash with probability 2^-128 per pair:
 * with at most 1,000,000 settled ids held, a new id is taken for a duplicate with probability below
 * 2^-108; and since the key is secret, ids that come from outside cannot be chosen to collide on
 * purpose (a MurmurHash- or xxHash-style hash, even seeded, would allow that).
 *
 * <p>Bounded: settled ids expire after the window (by the injected clock), and the oldest are
 * forgotten first once {@code maxIds} are held; {@link #finished} says how many. Thread-safe: the
 * ids are split by hash into shards, each locked alone, so that a lane thread preempted while it
 * holds one lock stalls few others (one lock for all cost half the router's throughput on two busy
 * cores). A shard holds both its ids in flight and its settled ids, so that admitting an id and
 * settling it take one lock each and no shared counter (a {@code ConcurrentHashMap} of the ids in
 * flight cost more than the table of settled ids). With several shards the bound is split evenly
 * and each shard forgets its own oldest first.
 */
final class IdWindow {
  private final Shard[] shards;
  private final Clock clock;
  private final long windowMillis;

  /** A window of one shard: the bound is exact (and at most {@link SettledIds#MAX_IDS}). */
  IdWindow(Clock clock, Duration window, int maxIds) {
    this(clock, window, maxIds, 1);
  }

  /**
   * A window of {@code shards} shards (a power of two) that hold maxIds ids between them, each at
   * most {@link SettledIds#MAX_IDS}.
   */
  IdWindow(Clock clock, Duration window, int maxIds, int shards) {
    if (Integer.bitCount(shards) != 1
        || maxIds < shards
        || (maxIds - 1) / shards >= SettledIds.MAX_IDS) {
      throw new IllegalArgumentException(
          "shards is "
              + shards
              + " for maxIds "
              + maxIds
              + ", must be a power of two, at most maxIds and at least maxIds / "
              + SettledIds.MAX_IDS);
    }
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.shards = new Shard[shards];
    for (int i = 0; i < shards; i++) {
      this.shards[i] = new Shard(new SettledIds(maxIds / shards + (i < maxIds % shards ? 1 : 0)));
    }
  }

  /** The shard of a hashed flight: bits of the hash's second half (slots use the first's). */
  private Shard shard(Flight f) {
    return shards[(int) (f.idLo >>> 32) & (shards.length - 1)];
  }

  /** Registers {@code f}; false when its id is in flight or settled within the window. */
  boolean admit(Flight f) {
    return enter(f) == f;
  }

  /**
   * Registers {@code f}. Returns {@code f} when admitted; the flight already holding the id when
   * {@code f} is a copy of a message in flight; null when the id settled within the window.
   */
  Flight enter(Flight f) {
    SipHash.hash(f.id, Key.K0, Key.K1, f);
    Shard shard = shard(f);
    synchronized (shard) {
      Flight holder = shard.inFlight.putIfAbsent(f.id, f);
      if (holder != null) {
        return holder;
      }
      if (windowMillis > 0
          && shard.settled.contains(f.idHi, f.idLo, clock.millis(), windowMillis)) {
        shard.inFlight.remove(f.id);
        return null;
      }
      return f;
    }
  }

  /**
   * {@code f} is settled: its id is remembered for the window, or forgotten at once. Returns how
   * many other settled ids were forgotten before their window passed because {@code maxIds} are
   * held.
   */
  int finished(Flight f, boolean remember) {
    Shard shard = shard(f);
    synchronized (shard) {
      int early = 0;
      if (remember && windowMillis > 0) {
        early = shard.settled.add(f.idHi, f.idLo, clock.millis(), windowMillis);
      }
      shard.inFlight.remove(f.id, f);
      return early;
    }
  }

  /** The flights in flight now. */
  List<Flight> inFlight() {
    List<Flight> all = new ArrayList<>();
    for (Shard shard : shards) {
      synchronized (shard) {
        all.addAll(shard.inFlight.values());
      }
    }
    return all;
  }

  /** Settled ids held now (expired ones included until the next settlement drops them). */
  int settledHeld() {
    int n = 0;
    for (Shard shard : shards) {
      synchronized (shard) {
        n += shard.settled.size();
      }
    }
    return n;
  }

  /** The ids of one range of hashes, in flight and settled; guarded by itself. */
  private static final class Shard {
    final Map<String, Flight> inFlight = new HashMap<>();
    final SettledIds settled;

    Shard(SettledIds settled) {
      this.settled = settled;
    }
  }

  /**
   * The SipHash key: random, made once per process on first use (not at start-up), never stored or
   * logged. The window lives in memory only, so a new key per process loses nothing.
   */
  private static final class Key {
    static final long K0;
    static final long K1;

    static {
      SecureRandom random = new SecureRandom();
      K0 = random.nextLong();
      K1 = random.nextLong();
    }

    private Key() {}
  }
}
