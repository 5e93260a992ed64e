package io.gordon.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rule over several keys of one spec that the per-key rules cannot express, e.g. "a TSIG key name
 * and its secret go together". Declared in the spec with {@link
 * ConfigSpec.Builder#check(ConfigCheck)}, it runs when the configuration is validated (by {@code
 * gordon config} and before {@code gordon run} starts anything), once every key of the spec has a
 * valid value, and each problem is reported at the position of the key it names: {@code
 * FILE:LINE:COL: KEY: problem (expected ...)}.
 */
@FunctionalInterface
public interface ConfigCheck {
  /**
   * Every problem found; empty when the rule holds.
   *
   * @param config the validated values of the spec's keys, defaults included
   * @param given the declared names of the keys written in the configuration (not defaulted)
   */
  List<Problem> check(PluginConfig config, Set<String> given);

  /**
   * One problem of a key.
   *
   * @param key the key at fault, as declared or as written (an alias)
   * @param problem what is wrong, e.g. {@code given without tsig_secret}
   * @param expected what would be right; empty for none
   */
  record Problem(String key, String problem, String expected) {
    /** Validates the fields. */
    public Problem {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(problem, "problem == null");
      Objects.requireNonNull(expected, "expected == null");
    }

    /** {@code key: problem (expected ...)}. */
    @Override
    public String toString() {
      return key + ": " + problem + (expected.isEmpty() ? "" : " (expected " + expected + ")");
    }
  }

  /**
   * The keys are written all together or not at all. A problem is reported at the first written key
   * (in the order given here): {@code given without b and c (expected a, b and c together, or none
   * of them: why)}.
   *
   * @param why what the keys do together, e.g. {@code all to sign updates, none to send them
   *     unsigned}
   */
  static ConfigCheck together(String why, Key<?>... keys) {
    List<Key<?>> all = List.of(keys);
    return (config, given) -> {
      List<String> written = all.stream().map(Key::name).filter(given::contains).toList();
      if (written.isEmpty() || written.size() == all.size()) {
        return List.of();
      }
      List<String> missing = all.stream().map(Key::name).filter(n -> !given.contains(n)).toList();
      return List.of(
          new Problem(
              written.get(0),
              "given without " + and(missing),
              and(all.stream().map(Key::name).toList()) + " together, or none of them: " + why));
    };
  }

  /**
   * {@code key} may be written only when {@code needed} is written too: {@code given without needed
   * (expected needed as well: why)}.
   */
  static ConfigCheck requires(Key<?> key, Key<?> needed, String why) {
    return (config, given) ->
        given.contains(key.name()) && !given.contains(needed.name())
            ? List.of(
                new Problem(
                    key.name(),
                    "given without " + needed.name(),
                    needed.name() + " as well: " + why))
            : List.of();
  }

  private static String and(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    List<String> head = new ArrayList<>(names.subList(0, names.size() - 1));
    return String.join(", ", head) + " and " + names.get(names.size() - 1);
  }
}
