package io.gordon.api.model;

import java.util.Locale;

/** DnsNames before the fast path (commit 57ed5c3): the oracle for {@link DnsNamesFastPathTest}. */
final class OldDnsNames {
  /** Longest name in presentation form, without the final dot. */
  public static final int MAX_NAME_LENGTH = 253;

  /** Longest label. */
  public static final int MAX_LABEL_LENGTH = 63;

  private OldDnsNames() {}

  /**
   * Returns {@code name} lower-cased with a trailing dot.
   *
   * @throws IllegalArgumentException stating the value and the rule it breaks
   */
  public static String normalize(String name) {
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
    String[] labels = body.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      checkLabel(name, labels[i], i == 0);
    }
    return body + ".";
  }

  /** Whether {@code name} equals {@code zone} or lies below it; both must be normalised. */
  public static boolean isInZone(String name, String zone) {
    return zone.equals(".") || name.equals(zone) || name.endsWith("." + zone);
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
