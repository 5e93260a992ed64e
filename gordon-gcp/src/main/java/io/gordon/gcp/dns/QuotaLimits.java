package io.gordon.gcp.dns;

import com.google.api.services.dns.model.Quota;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-change limits of a Cloud DNS project (read with projects.get at start-up), and the
 * splitting of a planned change into parts that respect them. A deletion and the addition of the
 * same RRset always stay in one part, so no part leaves an RRset missing.
 *
 * @param additions rrsetAdditionsPerChange
 * @param deletions rrsetDeletionsPerChange
 * @param bytes totalRrdataSizePerChange
 */
record QuotaLimits(int additions, int deletions, int bytes) {
  /** The documented defaults (gcp-api.md 1.2), used until the project's quota is read. */
  static final QuotaLimits DEFAULT = new QuotaLimits(1000, 1000, 100000);

  /** Validates the limits. */
  QuotaLimits {
    if (additions < 1 || deletions < 1 || bytes < 1) {
      throw new IllegalArgumentException(
          "quotas must be positive but were " + additions + ", " + deletions + ", " + bytes);
    }
  }

  /** The limits of {@code q}, with defaults for fields it lacks. */
  static QuotaLimits of(Quota q) {
    return new QuotaLimits(
        or(q.getRrsetAdditionsPerChange(), DEFAULT.additions),
        or(q.getRrsetDeletionsPerChange(), DEFAULT.deletions),
        or(q.getTotalRrdataSizePerChange(), DEFAULT.bytes));
  }

  private static int or(Integer v, int fallback) {
    return v == null || v < 1 ? fallback : v;
  }

  /** Splits {@code diffs} into parts within the limits, keeping their order. */
  List<List<RrsetDiff>> split(List<RrsetDiff> diffs) {
    List<List<RrsetDiff>> parts = new ArrayList<>();
    List<RrsetDiff> part = new ArrayList<>();
    int adds = 0;
    int dels = 0;
    int size = 0;
    for (RrsetDiff d : diffs) {
      boolean full =
          adds + d.additionCount() > additions
              || dels + d.deletionCount() > deletions
              || size + d.bytes() > bytes;
      if (full && !part.isEmpty()) {
        parts.add(part);
        part = new ArrayList<>();
        adds = 0;
        dels = 0;
        size = 0;
      }
      part.add(d);
      adds += d.additionCount();
      dels += d.deletionCount();
      size += d.bytes();
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }
}
