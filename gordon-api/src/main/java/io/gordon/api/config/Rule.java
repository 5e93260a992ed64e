package io.gordon.api.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A constraint on a configuration value that has the declared type already.
 *
 * @param description what is expected, as shown in errors and the reference, e.g. {@code "an
 *     integer from 1 to 1000"}
 * @param test returns true for an acceptable value
 */
public record Rule(String description, Predicate<Object> test) {
  /** Validates the fields. */
  public Rule {
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(test, "test == null");
  }

  /** Accepts every value of the declared type. */
  public static Rule any() {
    return new Rule("", v -> true);
  }

  /** A number from {@code min} to {@code max}, inclusive. */
  public static Rule between(double min, double max) {
    return new Rule(
        "from " + fmt(min) + " to " + fmt(max), v -> number(v) >= min && number(v) <= max);
  }

  /** A number of at least {@code min}. */
  public static Rule atLeast(double min) {
    return new Rule("at least " + fmt(min), v -> number(v) >= min);
  }

  /** A duration of at least {@code min} seconds. */
  public static Rule durationAtLeast(double minSeconds) {
    return new Rule(
        "at least " + fmt(minSeconds) + "s",
        v -> ((java.time.Duration) v).toNanos() >= minSeconds * 1e9);
  }

  /** One of the listed strings. */
  public static Rule oneOf(String... values) {
    List<String> allowed = List.of(values);
    return new Rule(
        "one of " + String.join(", ", allowed.stream().map(s -> '"' + s + '"').toList()),
        v -> allowed.contains(String.valueOf(v)));
  }

  /** A string matching {@code regex} entirely; {@code description} says what it means. */
  public static Rule matching(String regex, String description) {
    Pattern p = Pattern.compile(regex);
    return new Rule(description, v -> p.matcher(String.valueOf(v)).matches());
  }

  /** A non-empty string or list. */
  public static Rule nonEmpty() {
    return new Rule(
        "not empty", v -> v instanceof List<?> l ? !l.isEmpty() : !String.valueOf(v).isEmpty());
  }

  /**
   * A {@code host:port} address in a {@link ConfigType#STRING} key. Prefer a {@link
   * ConfigType#HOST_PORT} key, which is also parsed once into a {@link HostPort}.
   */
  public static Rule hostPort() {
    return matching("(\\[[0-9a-fA-F:.]+\\]|[^:\\s]+):[0-9]{1,5}", "a host:port address");
  }

  /** A rule that checks {@code predicate} with its own description. */
  public static Rule of(String description, Predicate<Object> predicate) {
    return new Rule(description, predicate);
  }

  /** Applies the rule; an empty result means the value is acceptable. */
  public Optional<String> check(Object value) {
    return test.test(value) ? Optional.empty() : Optional.of(description);
  }

  private static double number(Object v) {
    return ((Number) v).doubleValue();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
