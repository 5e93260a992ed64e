package io.gordon.benchmarks.rfc2136;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.rfc2136.Rfc2136PluginFactory;
import io.gordon.rfc2136.Rfc2136Provider;
import io.gordon.rfc2136.Rfc2136Settings;
import io.gordon.testing.dns.BindServer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rfc2136 provider as gordon builds it from its config table, defaults for the rest. */
final class Providers {
  private Providers() {}

  static Rfc2136Provider of(BindServer bind) {
    return of(bind, bind.hostPort());
  }

  /** The provider for {@code bind}'s zone and key, sending to {@code server} (a proxy, say). */
  static Rfc2136Provider of(BindServer bind, String server) {
    Map<String, Object> values =
        new HashMap<>(
            Map.of(
                "server",
                server,
                "zones",
                List.of(Rfc2136Benchmark.ZONE),
                "tsig_key_name",
                bind.key().name(),
                "tsig_secret",
                new Secret(bind.key().secret(), "benchmark"),
                "timeout",
                Duration.ofSeconds(5)));
    // as GordonService: compare max_batches_in_flight values in alternating runs of one build
    String batches = System.getenv("GORDON_BENCH_RFC2136_BATCHES");
    if (batches != null) {
      values.put("max_batches_in_flight", Long.parseLong(batches.trim()));
    }
    PluginConfig config = new PluginConfig(Rfc2136PluginFactory.NAME, values);
    return new Rfc2136Provider(
        Rfc2136Settings.from(config),
        Clock.systemUTC(),
        System.getLogger(Rfc2136PluginFactory.NAME),
        MetricRelay.noop(),
        new HealthReporter() {
          @Override
          public void healthy() {}

          @Override
          public void unhealthy(String reason) {}
        });
  }
}
