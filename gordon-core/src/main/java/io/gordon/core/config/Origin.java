package io.gordon.core.config;

import java.util.Objects;

/**
 * Where a configuration value was written: the file as the user named it, and the 1-based line and
 * column of its key. A line of 0 means "somewhere in this file" (or a built-in default).
 *
 * @param file the file as shown in messages, e.g. {@code gordon-user.toml}
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Origin(String file, int line, int column) {
  /** The origin of built-in defaults. */
  public static final Origin DEFAULT = new Origin("<default>", 0, 0);

  /** Validates the fields. */
  public Origin {
    Objects.requireNonNull(file, "file == null");
  }

  /** An origin naming only a file. */
  public static Origin file(String file) {
    return new Origin(file, 0, 0);
  }

  /** {@code FILE:LINE:COL}, or just {@code FILE} when the position is unknown. */
  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
