package io.gordon.api.model;

import java.util.Locale;

/**
 * Validation and normalisation of domain names: absolute (trailing dot), lower case, labels of 1 to
 * 63 characters among letters, digits, hyphen and underscore (no hyphen at either end of a label),
 * a wildcard only as the whole leftmost label (or at the end of the leftmost label of the owner
 * marker of a wildcard RRset, {@code _gordon-a-*}; see {@link OwnerMarker}), and at most 253
 * characters without the final dot (255 octets on the wire).
 */
public final class DnsNames {
  /** Longest name in presentation form, without the final dot. */
  public static final int MAX_NAME_LENGTH = 253;

  /** Longest label. */
  public static final int MAX_LABEL_LENGTH = 63;

  private DnsNames() {}

  /**
   * Returns {@code name} lower-cased with a trailing dot; a name already in that form is returned
   * as is (the same instance), without allocating.
   *
   * @throws IllegalArgumentException stating the value and the rule it breaks
   */
  public static String normalize(String name) {
    // Most calls see names that are already normal (zone lookup, owner markers, providers): one
    // pass over the chars accepts those; anything else takes the slow path, which alone words
    // the errors.
    if (name != null && isNormal(name)) {
      return name;
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals(".")) {
      return n;
    }
    String body = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    if (body.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name \""
              + name
              + "\" is "
              + body.length()
              + " characters long (expected at most "
              + MAX_NAME_LENGTH
              + ")");
    }
    int from = 0;
    while (true) {
      int dot = body.indexOf('.', from);
      checkLabel(name, body.substring(from, dot < 0 ? body.length() : dot), from == 0);
      if (dot < 0) {
        return body + ".";
      }
      from = dot + 1;
    }
  }

  /**
   * Whether {@code name} is absolute, lower case and passes every rule that the slow path checks.
   */
  private static boolean isNormal(String name) {
    int len = name.length();
    if (len < 2 || len - 1 > MAX_NAME_LENGTH || name.charAt(len - 1) != '.') {
      return false;
    }
    int start = 0;
    for (int i = 0; i < len; i++) {
      if (name.charAt(i) == '.') {
        if (!isNormalLabel(name, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** The rules of {@link #checkLabel} for the label {@code name[start, end)}, as a predicate. */
  private static boolean isNormalLabel(String name, int start, int end) {
    int length = end - start;
    if (length == 0 || length > MAX_LABEL_LENGTH) {
      return false;
    }
    boolean first = start == 0;
    if (first && length == 1 && name.charAt(0) == '*') {
      return true;
    }
    if (first
        && name.startsWith(OwnerMarker.PREFIX) // no '.' in PREFIX: it lies within the label
        && name.charAt(end - 1) == '*'
        && name.charAt(end - 2) == '-') {
      end -= 2; // the marker of a wildcard RRset; at least "_gordon" is left
    }
    if (name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} equals {@code zone} or lies below it; both must be normalised. */
  public static boolean isInZone(String name, String zone) {
    // On the publish path for every change: compare in place instead of building "." + zone.
    int cut = name.length() - zone.length();
    return zone.equals(".")
        || name.equals(zone)
        || (cut > 0 && name.charAt(cut - 1) == '.' && name.endsWith(zone));
  }

  private static void checkLabel(String name, String label, boolean first) {
    if (label.isEmpty()) {
      throw new IllegalArgumentException("name \"" + name + "\" has an empty label");
    }
    if (label.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          "name \""
              + name
              + "\" has a label of "
              + label.length()
              + " characters (expected at most "
              + MAX_LABEL_LENGTH
              + ")");
    }
    if (label.equals("*")) {
      if (!first) {
        throw new IllegalArgumentException(
            "name \"" + name + "\" has a wildcard that is not the leftmost label");
      }
      return;
    }
    if (first && label.startsWith(OwnerMarker.PREFIX) && label.endsWith("-*")) {
      label = label.substring(0, label.length() - 2); // the marker of a wildcard RRset
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        throw new IllegalArgumentException(
            "name \""
                + name
                + "\" has the character '"
                + c
                + "' in label \""
                + label
                + "\" (expected letters, digits, '-' or '_')");
      }
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      throw new IllegalArgumentException(
          "name \"" + name + "\" has label \"" + label + "\" that starts or ends with '-'");
    }
  }
}
