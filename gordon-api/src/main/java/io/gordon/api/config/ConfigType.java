package io.gordon.api.config;

/** The type of a configuration value and how it is written in TOML. */
public enum ConfigType {
  /** A TOML string. */
  STRING("string"),
  /** A TOML integer; read as {@code long}. */
  INTEGER("integer"),
  /** A TOML integer or float; read as {@code double}. */
  NUMBER("number"),
  /** A TOML boolean. */
  BOOLEAN("boolean"),
  /**
   * Seconds as a number ({@code 30}, {@code 0.5}) or a string with a unit ({@code "250ms"}, {@code
   * "30s"}, {@code "5m"}, {@code "1h"}); read as {@link java.time.Duration}.
   */
  DURATION("duration"),
  /** A TOML array of strings; a single string is accepted as a one-element list. */
  STRING_LIST("list of strings"),
  /**
   * A TOML array of any values, e.g. pairs {@code [["key", "value"]]}; read as a {@code
   * List<Object>} of strings, numbers, booleans and lists. The key's {@link Rule} checks the shape.
   */
  LIST("list"),
  /** A TOML table, passed through as a map. */
  TABLE("table"),
  /**
   * A string, or {@code { env = "NAME" }}, or {@code { file = "path" }}; read as {@link Secret} and
   * never printed.
   */
  SECRET("secret"),
  /**
   * A string {@code host:port} ({@code [addr]:port} for IPv6), port 0 to 65535; read as {@link
   * HostPort}. A key may declare a default port, and then accepts a host alone.
   */
  HOST_PORT("host:port");

  private final String description;

  ConfigType(String description) {
    this.description = description;
  }

  /** How the type is named in error messages and the reference. */
  public String description() {
    return description;
  }
}
