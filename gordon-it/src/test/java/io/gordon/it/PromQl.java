package io.gordon.it;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading for the dashboard and alert checks: the series selectors of an
 * expression (metric name with its label matchers) and the labels its {@code by (...)} clauses
 * group on. Function names (followed by "("), operators and range durations are not selectors.
 */
final class PromQl {
  private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
  private static final Pattern SELECTOR =
      Pattern.compile("(?<![\\w:$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(\\{[^}]*\\})?+(?!\\s*\\()");
  private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_]\\w*)\\s*(?:=~|!~|!=|=)\\s*\"");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and", "or", "unless", "on", "ignoring", "bool", "offset", "group_left", "group_right");

  private PromQl() {}

  static List<String> selectors(String expr) {
    String bare = GROUPING.matcher(expr).replaceAll("").replaceAll("\\[[^]]*\\]", "");
    List<String> out = new ArrayList<>();
    Matcher m = SELECTOR.matcher(bare);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1))) {
        out.add(m.group(0));
      }
    }
    return out;
  }

  /** The label names a selector matches on: {@code a{kind="x",b!~"y"}} gives kind and b. */
  static Set<String> matcherLabels(String selector) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = MATCHER.matcher(selector);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static Set<String> groupingLabels(String expr) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = GROUPING.matcher(expr);
    while (m.find()) {
      for (String l : m.group(1).split(",")) {
        out.add(l.strip());
      }
    }
    return out;
  }
}
