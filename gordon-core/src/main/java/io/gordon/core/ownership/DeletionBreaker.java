package io.gordon.core.ownership;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * The live path's deletion circuit breaker: counts the deletions admitted per zone over a sliding
 * window, and refuses one when it would bring the deletions within the window above {@code
 * delete_threshold} of the zone's owned RRsets, if the zone has at least {@code min_records} of
 * them. The base is the zone's owned RRsets at the count plus those deleted within the window since
 * (gone from the zone but still part of what the fraction is meant against). Listing a zone is
 * expensive, so it is counted once per window, and again only when a deletion would trip on a count
 * taken before later claims in the zone: a zone that grows within the window raises its base, and
 * the breaker trips at the configured share of what the zone really holds. Thread-safe.
 */
final class DeletionBreaker {
  private final OwnershipSettings settings;
  private final Clock clock;
  private final ToIntFunction<String> ownedCounter;
  private final Map<String, ZoneWindow> zones = new HashMap<>();

  /**
   * @param ownedCounter counts the RRsets this owner id owns in a zone (may be slow)
   */
  DeletionBreaker(OwnershipSettings settings, Clock clock, ToIntFunction<String> ownedCounter) {
    this.settings = settings;
    this.clock = clock;
    this.ownedCounter = ownedCounter;
  }

  /**
   * The decision on one deletion.
   *
   * @param counted whether it was counted (then {@link #settle} it once applied or not)
   * @param refusal why it is refused (naming the zone, the count, the percentage and the
   *     threshold), if it is
   */
  record Admission(boolean counted, Optional<String> refusal) {}

  /**
   * Admits one deletion in {@code zone}, counting it, or refuses it. A deletion that would trip the
   * breaker is admitted uncounted when {@code exists} says there is nothing to delete.
   */
  Admission admit(String zone, BooleanSupplier exists) {
    ZoneWindow w;
    synchronized (this) {
      w = zones.computeIfAbsent(zone, z -> new ZoneWindow());
    }
    synchronized (w) {
      Instant now = clock.instant();
      w.prune(now.minus(settings.window()));
      if (w.countedAt == null || !now.isBefore(w.countedAt.plus(settings.window()))) {
        count(w, zone, now);
      }
      int wouldBe = w.deletions.size() + 1;
      if (w.trips(wouldBe) && w.claimedSinceCount) {
        count(w, zone, now);
      }
      if (w.trips(wouldBe)) {
        if (!exists.getAsBoolean()) {
          return new Admission(false, Optional.empty());
        }
        w.tripped = true;
        return new Admission(false, Optional.of(reason(zone, wouldBe, w.owned)));
      }
      w.tripped = false;
      w.deletions.addLast(now);
      w.pending++;
      return new Admission(true, Optional.empty());
    }
  }

  /** The base: owned now, plus the deletions of the window that are already gone from the zone. */
  private void count(ZoneWindow w, String zone, Instant now) {
    w.owned = ownedCounter.applyAsInt(zone) + Math.max(0, w.deletions.size() - w.pending);
    w.countedAt = now;
    w.claimedSinceCount = false;
  }

  /**
   * Settles one admitted deletion of {@code zone}: {@code applied} when it deleted, otherwise it is
   * un-counted.
   */
  void settle(String zone, boolean applied) {
    ZoneWindow w = window(zone);
    if (w != null) {
      synchronized (w) {
        w.pending = Math.max(0, w.pending - 1);
        if (!applied) {
          w.deletions.pollLast();
        }
      }
    }
  }

  /**
   * Notes that a change other than a deletion was applied in {@code zone}: it may have claimed a
   * new RRset, so a deletion that would trip counts the zone again first.
   */
  void claimed(String zone) {
    ZoneWindow w = window(zone);
    if (w != null) {
      synchronized (w) {
        w.claimedSinceCount = true;
      }
    }
  }

  private synchronized ZoneWindow window(String zone) {
    return zones.get(zone);
  }

  /** Whether any zone refused its last deletion. */
  synchronized boolean tripped() {
    return zones.values().stream()
        .anyMatch(
            w -> {
              synchronized (w) {
                return w.tripped;
              }
            });
  }

  private String reason(String zone, int count, int owned) {
    return "deletions in zone "
        + zone
        + " are stopped: "
        + count
        + " of its "
        + owned
        + " owned RRsets ("
        + percent((double) count / owned)
        + ") would be deleted within "
        + human(settings.window())
        + ", above core.ownership.delete_threshold "
        + percent(settings.deleteThreshold())
        + "; parked (replay it once the deletions are "
        + "confirmed, or raise the threshold)";
  }

  static String percent(double fraction) {
    double p = fraction * 100;
    return p == Math.rint(p) ? (long) p + "%" : String.format(Locale.ROOT, "%.1f%%", p);
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  private final class ZoneWindow {
    final Deque<Instant> deletions = new ArrayDeque<>();
    Instant countedAt;
    int owned;
    // Admitted but not yet settled: counted in the window, not yet gone from the zone.
    int pending;
    boolean claimedSinceCount;
    boolean tripped;

    boolean trips(int wouldBe) {
      return owned >= settings.minRecords()
          && owned > 0
          && wouldBe > settings.deleteThreshold() * owned;
    }

    void prune(Instant oldest) {
      while (!deletions.isEmpty() && deletions.peekFirst().isBefore(oldest)) {
        deletions.pollFirst();
      }
    }
  }
}
