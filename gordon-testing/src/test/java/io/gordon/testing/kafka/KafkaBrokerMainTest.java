package io.gordon.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kafka-broker keeps its data in DIR for the next start: formatting a directory formatted
 * before keeps it (the restart of the acceptance pass failed with "Invalid cluster.id").
 */
class KafkaBrokerMainTest {
  @TempDir Path dir;

  @Test
  void aDirectoryFormattedBeforeIsKeptWithItsClusterId() throws Exception {
    KafkaBrokerMain.format(dir);
    String first = Files.readString(dir.resolve("meta.properties"));

    KafkaBrokerMain.format(dir);

    assertThat(Files.readString(dir.resolve("meta.properties"))).isEqualTo(first);
  }
}
