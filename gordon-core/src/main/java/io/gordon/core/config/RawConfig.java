package io.gordon.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The merged, not yet validated configuration: gordon.toml with gordon-user.toml deep-merged over
 * it, every key remembering its file and position.
 *
 * @param root the config directory, absolute; relative paths in the config resolve against it
 * @param tree the merged tables
 * @param files the files that were read, as shown in messages, in merge order
 */
public record RawConfig(Path root, ConfigTable tree, List<String> files) {
  /** Validates the fields. */
  public RawConfig {
    Objects.requireNonNull(root, "root == null");
    Objects.requireNonNull(tree, "tree == null");
    files = List.copyOf(files);
  }

  /** Where the dotted {@code key} was written; the first file when it is absent. */
  public Origin origin(String key) {
    return tree.originOf(key).orElseGet(this::fileOrigin);
  }

  /** An origin in the first file read, for problems that have no better position. */
  public Origin fileOrigin() {
    return Origin.file(files.isEmpty() ? "gordon.toml" : files.get(0));
  }
}
