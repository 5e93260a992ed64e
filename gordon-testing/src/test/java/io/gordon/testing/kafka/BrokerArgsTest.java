package io.gordon.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerArgsTest {
  @Test
  void portDirAndRepeatedTopicsAreRead() {
    BrokerArgs a =
        BrokerArgs.parse(
            "--port", "9092", "--dir", "/tmp/k", "--topic", "dns-events:6", "--topic", "dead:1");
    assertThat(a)
        .isEqualTo(new BrokerArgs(9092, Path.of("/tmp/k"), Map.of("dns-events", 6, "dead", 1)));
  }

  @Test
  void badArgumentsAreNamedWithWhatWasExpected() {
    assertThatThrownBy(() -> BrokerArgs.parse("--port", "0", "--dir", "d"))
        .hasMessage("--port 0: expected a port from 1 to 65535");
    assertThatThrownBy(() -> BrokerArgs.parse("--port", "1", "--dir", "d", "--topic", "t"))
        .hasMessage(
            "--topic t: expected NAME:PARTITIONS with at least 1 partition, "
                + "e.g. dns-events:6");
    assertThatThrownBy(() -> BrokerArgs.parse("--port", "1"))
        .hasMessage("--dir is required; " + BrokerArgs.USAGE);
    assertThatThrownBy(() -> BrokerArgs.parse("--ports", "1"))
        .hasMessage("unknown argument --ports; " + BrokerArgs.USAGE);
    assertThatThrownBy(() -> BrokerArgs.parse("--dir"))
        .hasMessage("--dir needs a value; " + BrokerArgs.USAGE);
  }
}
