package io.gordon.core.ownership;

import io.gordon.api.model.DnsNames;
import java.util.List;
import java.util.Objects;

/**
 * A name or a suffix pattern from {@code [core.ownership] adopt} or {@code protected}: a name
 * ({@code www.example.com}) matches itself; {@code *.example.com} matches every name below {@code
 * example.com.} but not {@code example.com.} itself; {@code *} matches every name.
 *
 * @param text the pattern as written, normalised to lower case with a trailing dot
 */
public record NamePattern(String text) {
  /** What a pattern looks like, for configuration errors and the reference. */
  public static final String RULE =
      "names or \"*.\" suffix patterns, e.g. \"www.example.com\"" + " or \"*.example.com\"";

  /** Validates and normalises the pattern. */
  public NamePattern {
    Objects.requireNonNull(text, "text == null");
    String t = text.trim();
    if (t.equals("*")) {
      text = t;
    } else if (t.startsWith("*.")) {
      text = "*." + DnsNames.normalize(t.substring(2));
    } else {
      text = DnsNames.normalize(t);
    }
  }

  /** Whether {@code name} (absolute, lower case) matches. */
  public boolean matches(String name) {
    if (text.equals("*")) {
      return true;
    }
    if (text.startsWith("*.")) {
      return name.endsWith(text.substring(1));
    }
    return name.equals(text);
  }

  /** Parses every pattern of a list. */
  public static List<NamePattern> all(List<String> texts) {
    return texts.stream().map(NamePattern::new).toList();
  }

  /** Whether every string of {@code value} (a list) is a valid pattern; for config rules. */
  public static boolean validList(Object value) {
    try {
      all(((List<?>) value).stream().map(String::valueOf).toList());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The first pattern matching {@code name}, as written, if any. */
  static java.util.Optional<NamePattern> firstMatch(List<NamePattern> patterns, String name) {
    return patterns.stream().filter(p -> p.matches(name)).findFirst();
  }
}
