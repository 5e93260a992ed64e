package io.gordon.service;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -c/--config-root DIR} option shared by the commands that read configuration. */
public final class ConfigRootOption {
  @Option(
      names = {"-c", "--config-root"},
      paramLabel = "DIR",
      description =
          "Directory holding gordon.toml and/or gordon-user.toml (and an optional "
              + "plugins/ directory of plugin jars). Default: the working directory.")
  Path root = Path.of("");

  /** The directory as given (empty for the working directory). */
  public Path root() {
    return root;
  }
}
