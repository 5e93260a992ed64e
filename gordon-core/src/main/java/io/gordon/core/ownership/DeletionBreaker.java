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
   * @param counted the deletion as counted, if it was (then {@link #settle} it once applied or not)
   * @param refusal why it is refused (naming the zone, the count, the percentage and the
   *     threshold), if it is
   */
  record Admission(Optional<Counted> counted, Optional<String> refusal) {}

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
          return new Admission(Optional.empty(), Optional.empty());
        }
        w.tripped = true;
        return new Admission(Optional.empty(), Optional.of(reason(zone, wouldBe, w.owned)));
      }
      w.tripped = false;
      Counted c = new Counted(w, now);
      w.deletions.addLast(c);
      return new Admission(Optional.of(c), Optional.empty());
    }
  }

  /** The base: owned now, plus the deletions of the window that are already gone from the zone. */
  private void count(ZoneWindow w, String zone, Instant now) {
    int gone = (int) w.deletions.stream().filter(d -> !d.pending).count();
    w.owned = ownedCounter.applyAsInt(zone) + gone;
    w.countedAt = now;
    w.claimedSinceCount = false;
  }

  /**
   * Settles one admitted deletion: {@code applied} when it deleted, otherwise it is un-counted.
   * Each settles its own entry: a deletion still in flight when the window slid past it (a provider
   * retrying for longer than the window) is no longer counted, and un-counting another in its place
   * let deletions above the threshold through.
   */
  void settle(Counted c, boolean applied) {
    synchronized (c.window) {
      c.pending = false;
      if (!applied) {
        c.window.deletions.removeLastOccurrence(c);
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

  /** One admitted deletion in its zone's window (compared by identity). */
  static final class Counted {
    private final ZoneWindow window;
    private final Instant at;
    // Admitted but not yet settled: counted in the window, not yet gone from the zone.
    private boolean pending = true;

    private Counted(ZoneWindow window, Instant at) {
      this.window = window;
      this.at = at;
    }
  }

  private final class ZoneWindow {
    final Deque<Counted> deletions = new ArrayDeque<>();
    Instant countedAt;
    int owned;
    boolean claimedSinceCount;
    boolean tripped;

    boolean trips(int wouldBe) {
      return owned >= settings.minRecords()
          && owned > 0
          && wouldBe > settings.deleteThreshold() * owned;
    }

    void prune(Instant oldest) {
      while (!deletions.isEmpty() && deletions.peekFirst().at.isBefore(oldest)) {
        deletions.pollFirst();
      }
    }
  }
}
