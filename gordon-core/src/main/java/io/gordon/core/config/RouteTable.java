package io.gordon.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code [core.route]}: phase to next phase, both strings. */
final class RouteTable {
  private RouteTable() {}

  static Map<String, String> read(RawConfig raw, List<ConfigProblem> problems) {
    Map<String, String> route = new LinkedHashMap<>();
    raw.tree()
        .table("core.route")
        .ifPresent(
            t ->
                t.entries()
                    .forEach(
                        (k, e) -> {
                          if (e.value() instanceof String next && !next.isEmpty()) {
                            route.put(k, next);
                          } else {
                            problems.add(
                                ConfigProblem.of(
                                    e.origin(),
                                    "core.route." + k,
                                    "invalid value " + ConfigValues.repr(e.value()),
                                    "the name of the phase after \"" + k + "\", e.g. \"publish\""));
                          }
                        }));
    return route;
  }
}
