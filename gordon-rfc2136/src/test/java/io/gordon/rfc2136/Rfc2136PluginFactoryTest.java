package io.gordon.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class Rfc2136PluginFactoryTest {
  @Test
  void factoryIsFoundByServiceLoaderAsAProvider() {
    PluginFactory f =
        ServiceLoader.load(PluginFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("rfc2136"))
            .findFirst()
            .orElseThrow();
    assertThat(f.kind()).isEqualTo(PluginKind.PROVIDER);
    assertThat(f.configSpec().keys())
        .extracting(k -> k.name())
        .containsExactly(
            "server",
            "zones",
            "tsig_key_name",
            "tsig_algorithm",
            "tsig_secret",
            "timeout",
            "tcp",
            "default_ttl",
            "max_changes_per_update",
            "max_updates_in_flight",
            "max_batches_in_flight");
  }
}
