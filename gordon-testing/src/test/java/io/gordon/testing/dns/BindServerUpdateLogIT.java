package io.gordon.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * BIND logs every RR an UPDATE adds (category {@code update}) unless started without that log: the
 * benchmarks' choice; tests that read the update order from the log rely on the default.
 */
class BindServerUpdateLogIT {
  @Test
  void theDefaultServerLogsEachAddedRrAndTheOneWithoutUpdateLogAppliesTheUpdateUnlogged() {
    try (BindServer logged = BindServer.start("example.test.");
        BindServer quiet = BindServer.startWithoutUpdateLog("example.test.")) {
      for (BindServer bind : new BindServer[] {logged, quiet}) {
        new ZoneClient(bind).add("example.test.", "x.example.test.", "A", 300, "192.0.2.1");
        assertThat(new ZoneClient(bind).at("example.test.", "x.example.test."))
            .containsExactly("x.example.test. A 192.0.2.1");
      }
      assertThat(logged.log()).contains("adding an RR at 'x.example.test' A 192.0.2.1");
      assertThat(quiet.log()).contains("running").doesNotContain("adding an RR");
    }
  }
}
