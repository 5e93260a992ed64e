package io.gordon.core.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the closest known name to a misspelt one (Levenshtein distance). */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code given}, when it is close enough to be a likely typo: at
   * most 3 edits, and fewer edits than {@code given} has characters. Ties go to the first.
   */
  public static Optional<String> closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(given, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= 3 && bestDistance < given.length()
        ? Optional.of(best) : Optional.empty();
  }

  /** {@code "; did you mean \"x\"?"} or the empty string. */
  public static String didYouMean(String given, Collection<String> candidates) {
    return closest(given, candidates).map(s -> "; did you mean \"" + s + "\"?").orElse("");
  }

  /** The Levenshtein distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
