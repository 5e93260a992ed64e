package io.gordon.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.SourceKeys;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module registers its four plugins with ServiceLoader, with these keys. */
class LocalPluginsTest {
  static Map<String, PluginFactory> factories() {
    return ServiceLoader.load(PluginFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().startsWith("local."))
        .collect(Collectors.toMap(PluginFactory::name, f -> f));
  }

  /** The keys the core validates the plugin's table against (a source's common keys last). */
  static String keys(PluginFactory f) {
    return SourceKeys.forPlugin(f.kind(), f.configSpec()).keys().stream()
        .map(ConfigKey::name)
        .collect(Collectors.joining(" "));
  }

  @Test
  void theFourPluginsAreRegisteredWithTheirKindsAndKeys() {
    Map<String, PluginFactory> f = factories();
    assertThat(f).containsOnlyKeys("local.http", "local.file", "local.zonefile", "local.inventory");
    assertThat(f.get("local.inventory").kind()).isEqualTo(PluginKind.AUTHORITY);
    assertThat(keys(f.get("local.inventory"))).isEqualTo("path zones");
    assertThat(f.get("local.http").kind()).isEqualTo(PluginKind.SOURCE);
    assertThat(f.get("local.file").kind()).isEqualTo(PluginKind.SOURCE);
    assertThat(f.get("local.zonefile").kind()).isEqualTo(PluginKind.PROVIDER);
    assertThat(keys(f.get("local.http")))
        .isEqualTo(
            "listen token max_body_bytes directory"
                + " segment_bytes status_retention status_max_entries wait_timeout retry_delay"
                + " allowed_origins allowed_hosts header_timeout idle_timeout body_timeout max_connections"
                + " done_retention max_msg_age");
    assertThat(keys(f.get("local.file")))
        .isEqualTo(
            "directory pattern poll_interval"
                + " quiet_period max_line_bytes retry_delay done_retention max_msg_age");
    assertThat(f.get("local.http").configSpec().key("max_msg_age"))
        .describedAs("declared once, by the core")
        .isEmpty();
    assertThat(keys(f.get("local.zonefile")))
        .isEqualTo("directory zones default_ttl primary_ns hostmaster ns_address rewrite_share");
  }
}
