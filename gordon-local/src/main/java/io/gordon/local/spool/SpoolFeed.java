package io.gordon.local.spool;

import io.gordon.api.model.DnsEvent;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link SpoolReader} learns from the writer of its directory, in memory: which file is
 * still being written, how much of it is durable (so that the reader never submits bytes that a
 * failed fsync may still take back), and when new lines became durable (so that the reader needs
 * neither polling nor directory listing to find them).
 */
public interface SpoolFeed {
  /** Whether {@code file} is still being written by this process. */
  boolean active(Path file);

  /** How many bytes of {@code file} may be read; {@link Long#MAX_VALUE} for a finished file. */
  long readable(Path file);

  /** Registers {@code listener}, called with the file after each durable append. */
  void onDurable(Consumer<Path> listener);

  /**
   * The event the writer was given with {@code line} (and forgets it), so that the reader need not
   * decode again what the writer's caller decoded moments ago; empty when not known (another
   * process wrote the line, the writer had too many waiting, or it was taken already).
   */
  default Optional<DnsEvent> decoded(String line) {
    return Optional.empty();
  }

  /** A directory that nobody in this process writes (local.file): every byte is readable. */
  SpoolFeed NONE =
      new SpoolFeed() {
        @Override
        public boolean active(Path file) {
          return false;
        }

        @Override
        public long readable(Path file) {
          return Long.MAX_VALUE;
        }

        @Override
        public void onDurable(Consumer<Path> listener) {}
      };
}
