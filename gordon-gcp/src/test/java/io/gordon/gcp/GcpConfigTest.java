package io.gordon.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.SourceKeys;
import io.gordon.api.plugin.PluginFactory;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plugins are discoverable and accept every key of the original gordon-gcp config. */
class GcpConfigTest {
  /** The service's gcp plugins; the janitor's live in a namespace of their own. */
  private static List<PluginFactory> factories() {
    return ServiceLoader.load(PluginFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().startsWith("gcp.") && !f.kind().janitorOnly())
        .toList();
  }

  @Test
  void theJanitorsPluginsKeepTheOriginalJanitorsNames() {
    assertThat(
            ServiceLoader.load(PluginFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.kind().janitorOnly())
                .map(f -> f.name() + " " + f.kind()))
        .containsExactlyInAnyOrder(
            "gcp.gce AUTHORITY", "gcp.gdns ZONE_READER", "gcp.gpubsub EVENT_PUBLISHER");
  }

  private static PluginFactory factory(String name) {
    return factories().stream()
        .filter(f -> f.name().equals(name) || f.aliases().contains(name))
        .findFirst()
        .orElseThrow();
  }

  /** The keys the core validates the plugin against (a source's include the common ones). */
  private static Set<String> keys(String plugin) {
    Set<String> out = new HashSet<>();
    PluginFactory f = factory(plugin);
    for (ConfigKey k : SourceKeys.forPlugin(f.kind(), f.configSpec()).keys()) {
      out.add(k.name());
      out.addAll(k.aliases());
    }
    return out;
  }

  @Test
  void everyPluginIsFoundByNameAndAlias() {
    assertThat(factories())
        .extracting(PluginFactory::name)
        .containsExactlyInAnyOrder(
            "gcp.event_consumer", "gcp.enricher", "gcp.publisher", "gcp.dead_letter");
    assertThat(factory("gcp.gpubsub").name()).isEqualTo("gcp.event_consumer");
    assertThat(factory("gcp.gce").name()).isEqualTo("gcp.enricher");
    assertThat(factory("gcp.gdns").name()).isEqualTo("gcp.publisher");
  }

  @Test
  void theOriginalExampleKeysAreAllDeclared() {
    Set<String> shared = Set.of("project", "dns_zone", "default_zone_prefix");
    assertThat(keys("gcp.enricher"))
        .containsAll(shared)
        .contains("keyfile", "default_ttl", "retries", "scopes");
    assertThat(keys("gcp.event_consumer"))
        .containsAll(shared)
        .contains(
            "keyfile",
            "topic",
            "subscription",
            "max_messages",
            "max_msg_age",
            "max_subscribe_retries",
            "scopes");
    assertThat(keys("gcp.publisher"))
        .containsAll(shared)
        .contains("keyfile", "publish_wait_timeout", "default_ttl", "api_version", "scopes");
  }

  @Test
  void theEnricherHasADefaultTtlSoTheOriginalExampleWorks() {
    ConfigKey ttl = factory("gcp.enricher").configSpec().key("default_ttl").orElseThrow();
    assertThat(ttl.required()).isFalse();
    assertThat(ttl.defaultValue()).contains(300L);
  }

  @Test
  void docsAndExampleMentionEveryKey() throws java.io.IOException {
    String docs = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/gcp.md"));
    for (PluginFactory f : factories()) {
      assertThat(docs).contains("`" + f.name() + "`");
      for (ConfigKey k : f.configSpec().keys()) {
        assertThat(docs)
            .as("docs/gcp.md mentions %s.%s", f.name(), k.name())
            .contains("`" + k.name() + "`");
      }
    }
  }
}
