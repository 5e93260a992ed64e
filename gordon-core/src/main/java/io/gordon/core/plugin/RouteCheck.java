package io.gordon.core.plugin;

import io.gordon.core.config.ConfigProblem;
import io.gordon.core.config.RawConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks {@code core.route} against the loaded plugins before anything starts: every phase named
 * must be a source's start phase (keys only) or the phase of a handler or provider, except the
 * final {@code cleanup} (values only), each source's start phase must be routed, and the route must
 * not loop. A handler nobody routes to is a warning. An empty route is the documented default
 * ({@link #defaultRoute}).
 */
final class RouteCheck {
  static final String CLEANUP = "cleanup";

  private final RawConfig raw;
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /**
   * The outcome.
   *
   * @param route the route to run (rerouted around skipped plugins in debug mode)
   * @param problems errors, formatted
   * @param warnings warnings, formatted
   */
  record Result(Map<String, String> route, List<String> problems, List<String> warnings) {}

  private RouteCheck(RawConfig raw) {
    this.raw = raw;
  }

  /**
   * Checks {@code route}.
   *
   * @param starts source plugin name to its start phase
   * @param phases handler plugin name to its phase
   * @param providerPhases provider plugin name to its phase; several providers may share one (each
   *     serves its own zones)
   * @param routeAround when true (debug mode with skipped plugins), phases without a plugin are
   *     warnings and the route skips them instead of failing
   */
  static Result check(
      RawConfig raw,
      Map<String, String> given,
      Map<String, String> starts,
      Map<String, String> phases,
      Map<String, String> providerPhases,
      boolean routeAround) {
    RouteCheck c = new RouteCheck(raw);
    Map<String, String> route =
        c.inFileOrder(given.isEmpty() ? defaultRoute(phases, providerPhases) : given);
    Map<String, String> all = new LinkedHashMap<>(phases);
    all.putAll(providerPhases);
    Map<String, String> r = c.knownPhases(new LinkedHashMap<>(route), starts, all, routeAround);
    c.duplicates(phases, providerPhases);
    starts.forEach(
        (source, phase) -> {
          if (!route.containsKey(phase)) {
            c.problem(
                "core.route",
                "source \""
                    + source
                    + "\" starts messages in phase \""
                    + phase
                    + "\", which has no route",
                "e.g. " + phase + " = \"publish\"");
          }
        });
    c.loops(r);
    c.reachability(r, starts, all);
    return new Result(r, c.problems, c.warnings);
  }

  /**
   * The route documented for an empty {@code core.route} (as the router's own default): {@code
   * consume -> [enrich ->] publish -> cleanup}, when a provider serves {@code publish}; otherwise
   * none, and the checks below say what is missing.
   */
  private static Map<String, String> defaultRoute(
      Map<String, String> phases, Map<String, String> providerPhases) {
    if (!providerPhases.containsValue("publish")) {
      return Map.of();
    }
    Map<String, String> route = new LinkedHashMap<>();
    if (phases.containsValue("enrich")) {
      route.put("consume", "enrich");
      route.put("enrich", "publish");
    } else {
      route.put("consume", "publish");
    }
    route.put("publish", CLEANUP);
    return route;
  }

  /** The route in the order it was written, so that messages come out in file order. */
  private Map<String, String> inFileOrder(Map<String, String> route) {
    Map<String, String> out = new LinkedHashMap<>();
    raw.tree()
        .table("core.route")
        .ifPresent(
            t ->
                t.entries()
                    .keySet()
                    .forEach(
                        k -> {
                          if (route.containsKey(k)) {
                            out.put(k, route.get(k));
                          }
                        }));
    new TreeMap<>(route).forEach(out::putIfAbsent);
    return out;
  }

  private Map<String, String> knownPhases(
      Map<String, String> route,
      Map<String, String> starts,
      Map<String, String> phases,
      boolean routeAround) {
    Set<String> keys = new TreeSet<>(starts.values());
    keys.addAll(phases.values());
    Set<String> values = new TreeSet<>(phases.values());
    values.add(CLEANUP);
    Map<String, String> out = new LinkedHashMap<>();
    route.forEach(
        (from, to) -> {
          if (!keys.contains(from)) {
            report(
                routeAround,
                "core.route." + from,
                "no loaded plugin has phase \"" + from + "\"",
                "one of: " + String.join(", ", keys));
            return;
          }
          String next = to;
          Set<String> seen = new LinkedHashSet<>();
          while (!values.contains(next)) {
            report(
                routeAround,
                "core.route." + from,
                "no loaded plugin handles phase \"" + next + "\"",
                "one of: " + String.join(", ", values));
            if (!routeAround || !seen.add(next)) {
              return;
            }
            next = route.getOrDefault(next, CLEANUP);
          }
          out.put(from, next);
        });
    return out;
  }

  private void report(boolean warn, String key, String problem, String expected) {
    String line = ConfigProblem.of(raw.origin(key), key, problem, expected).toString();
    (warn ? warnings : problems)
        .add(line + (warn ? "; routing around it (core.debug = true)" : ""));
  }

  private void duplicates(Map<String, String> phases, Map<String, String> providerPhases) {
    Map<String, List<String>> byPhase = new LinkedHashMap<>();
    phases.forEach((p, ph) -> byPhase.computeIfAbsent(ph, k -> new ArrayList<>()).add(p));
    providerPhases.forEach(
        (p, ph) -> {
          if (byPhase.containsKey(ph)) {
            byPhase.get(ph).add(p);
          }
        });
    byPhase.forEach(
        (phase, plugins) -> {
          if (plugins.size() > 1 && !phase.equals(CLEANUP)) {
            problem(
                "core.plugins",
                "plugins \""
                    + String.join("\" and \"", plugins)
                    + "\" all handle phase \""
                    + phase
                    + "\"",
                "one plugin per phase");
          }
        });
  }

  private void loops(Map<String, String> route) {
    Set<Set<String>> reported = new LinkedHashSet<>();
    for (String start : route.keySet()) {
      List<String> path = new ArrayList<>();
      String at = start;
      while (at != null && !path.contains(at)) {
        path.add(at);
        at = route.get(at);
      }
      if (at != null) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
        at = cycle.get(0);
        if (reported.add(new TreeSet<>(cycle))) {
          cycle.add(at);
          problem(
              "core.route",
              "the route loops: " + String.join(" -> ", cycle),
              "a route that ends, e.g. in \"" + CLEANUP + "\"");
        }
      }
    }
  }

  private void reachability(
      Map<String, String> route, Map<String, String> starts, Map<String, String> phases) {
    Set<String> reached = new LinkedHashSet<>();
    for (String s : starts.values()) {
      String at = s;
      while (at != null && reached.add(at)) {
        at = route.get(at);
      }
    }
    phases.forEach(
        (plugin, phase) -> {
          if (!reached.contains(phase) && !phase.equals(CLEANUP)) {
            warnings.add(
                ConfigProblem.of(
                        raw.origin("core.route"),
                        "core.route",
                        "phase \""
                            + phase
                            + "\" of plugin \""
                            + plugin
                            + "\" is never reached from a source's start phase",
                        "")
                    .toString());
          }
        });
  }

  private void problem(String key, String problem, String expected) {
    problems.add(ConfigProblem.of(raw.origin(key), key, problem, expected).toString());
  }
}
