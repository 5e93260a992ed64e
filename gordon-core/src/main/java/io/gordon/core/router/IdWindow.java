package io.gordon.core.router;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message ids in flight, and ids settled within the dedup window. In-flight ids are kept exactly,
 * with their flights (at most {@code core.max_in_flight} of them). Settled ids, up to 600,000 at
 * 1,000 events/s over the default 10 minutes, are kept only as the first 128 bits of the SHA-256 of
 * their UTF-8 bytes in a {@link SettledIds} (~32-64 bytes per id instead of ~170 for a string in a
 * map). Two different ids share a hash with probability 2^-128 per pair: with at most 1,000,000
 * settled ids held, a new id is taken for a duplicate with probability below 2^-108, and SHA-256
 * gives no practical way to build such a pair on purpose.
 *
 * <p>Bounded: settled ids expire after the window (by the injected clock), and the oldest are
 * forgotten first once {@code maxIds} are held; {@link #finished} says how many. Thread-safe: the
 * settled ids are split by hash into shards, each locked alone, so that a lane thread preempted
 * while it holds one lock stalls few others (one lock for all cost half the router's throughput on
 * two busy cores). With several shards the bound is split evenly and each shard forgets its own
 * oldest first.
 */
final class IdWindow {
  private static final ThreadLocal<Sha> SHA = ThreadLocal.withInitial(Sha::new);
  private final ConcurrentHashMap<String, Flight> inFlight = new ConcurrentHashMap<>();

  /** Each guarded by itself; a power of two in number. */
  private final SettledIds[] shards;

  private final Clock clock;
  private final long windowMillis;

  /** A window of one shard: the bound is exact. */
  IdWindow(Clock clock, Duration window, int maxIds) {
    this(clock, window, maxIds, 1);
  }

  /** A window of {@code shards} shards (a power of two), each holding maxIds / shards ids. */
  IdWindow(Clock clock, Duration window, int maxIds, int shards) {
    if (Integer.bitCount(shards) != 1 || maxIds < shards) {
      throw new IllegalArgumentException(
          "shards is "
              + shards
              + " for maxIds "
              + maxIds
              + ", must be a power of two and at most maxIds");
    }
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.shards = new SettledIds[shards];
    for (int i = 0; i < shards; i++) {
      this.shards[i] = new SettledIds(maxIds / shards);
    }
  }

  /** The shard of a hash: bits of its second half (table slots use the first half's low bits). */
  private SettledIds shard(Flight f) {
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
    Flight holder = inFlight.putIfAbsent(f.id, f);
    if (holder != null) {
      return holder;
    }
    if (windowMillis <= 0) {
      return f;
    }
    SHA.get().hash(f);
    boolean seen;
    SettledIds settled = shard(f);
    synchronized (settled) {
      seen = settled.contains(f.idHi, f.idLo, clock.millis(), windowMillis);
    }
    // A settled id becomes settled before it leaves the in-flight map (see finished), so an id
    // is always found in one of the two.
    if (seen) {
      inFlight.remove(f.id, f);
      return null;
    }
    return f;
  }

  /**
   * {@code f} is settled: its id is remembered for the window, or forgotten at once. Returns how
   * many other settled ids were forgotten before their window passed because {@code maxIds} are
   * held.
   */
  int finished(Flight f, boolean remember) {
    int early = 0;
    if (remember && windowMillis > 0) {
      SettledIds settled = shard(f);
      synchronized (settled) {
        early = settled.add(f.idHi, f.idLo, clock.millis(), windowMillis);
      }
    }
    inFlight.remove(f.id, f);
    return early;
  }

  /** The flights in flight now. */
  List<Flight> inFlight() {
    return new ArrayList<>(inFlight.values());
  }

  /** Settled ids held now (expired ones included until the next settlement drops them). */
  int settledHeld() {
    int n = 0;
    for (SettledIds settled : shards) {
      synchronized (settled) {
        n += settled.size();
      }
    }
    return n;
  }

  /** One SHA-256 digest per thread, with its buffers. */
  private static final class Sha {
    private final MessageDigest digest;
    private final byte[] out = new byte[32];
    private final ByteBuffer view = ByteBuffer.wrap(out);

    Sha() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every Java platform", e);
      }
    }

    void hash(Flight f) {
      digest.update(f.id.getBytes(StandardCharsets.UTF_8));
      try {
        digest.digest(out, 0, out.length);
      } catch (DigestException e) {
        throw new IllegalStateException("a 32-byte buffer holds a SHA-256 digest", e);
      }
      f.idHi = view.getLong(0);
      f.idLo = view.getLong(8);
    }
  }
}
