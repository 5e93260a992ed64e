package io.gordon.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Plugin config namespacing, gordon.md 1.4.4, with the original's acceptance data. */
class NamespacesTest {
  private static final String XYZ =
      """
      [core]
      plugins = ["xyz.event_consumer", "xyz.enricher", "xyz.publisher"]
      [xyz]
      a_key = "a_value"
      b_key = "b_value"
      [xyz.event_consumer]
      a_key = "another_value"
      [xyz.enricher]
      d_key = "d_value"
      [xyz.publisher]
      c_key = "c_value"
      """;

  private static Map<String, Object> received(Namespaces ns, String plugin) {
    Map<String, Object> out = new LinkedHashMap<>();
    ns.forPlugin(plugin).forEach((k, s) -> out.put(k, s.entry().value()));
    return out;
  }

  @Test
  void eachPluginGetsItsParentsScalarsOverriddenByItsOwnTable() {
    Namespaces ns =
        new Namespaces(
            ConfigFiles.parse(XYZ, "gordon.toml"),
            List.of("xyz.event_consumer", "xyz.enricher", "xyz.publisher"),
            Set.of());
    assertThat(received(ns, "xyz.event_consumer"))
        .isEqualTo(Map.of("a_key", "another_value", "b_key", "b_value"));
    assertThat(received(ns, "xyz.enricher"))
        .isEqualTo(Map.of("a_key", "a_value", "b_key", "b_value", "d_key", "d_value"));
    assertThat(received(ns, "xyz.publisher"))
        .isEqualTo(Map.of("a_key", "a_value", "b_key", "b_value", "c_key", "c_value"));
  }

  @Test
  void prefixesAreMadeOfWholeSegments() {
    ConfigTable t = ConfigFiles.parse("[xyz.a]\nk = 1\n[xyz.abc]\nk = 2\nm = 3\n", "g.toml");
    Namespaces ns = new Namespaces(t, List.of("xyz.a", "xyz.abc"), Set.of());
    assertThat(received(ns, "xyz.a")).isEqualTo(Map.of("k", 1L));
    assertThat(received(ns, "xyz.abc")).isEqualTo(Map.of("k", 2L, "m", 3L));
  }

  @Test
  void anActivePluginWithoutATableReceivesNothing() {
    Namespaces ns =
        new Namespaces(ConfigFiles.parse("[core]\n", "g.toml"), List.of("a.b"), Set.of());
    assertThat(received(ns, "a.b")).isEmpty();
  }

  @Test
  void neitherCoreNorAnInactiveInstalledPluginsTableIsReceived() {
    ConfigTable t = ConfigFiles.parse("[gcp]\nproject = \"p\"\n[gcp.publisher]\nx = 1\n", "g.toml");
    Namespaces ns = new Namespaces(t, List.of("gcp.enricher"), Set.of("gcp.publisher"));
    assertThat(received(ns, "gcp.enricher")).isEqualTo(Map.of("project", "p"));
  }

  @Test
  void quotedDottedTableNamesAreTheSameNamespaceAsNestedOnes() {
    ConfigTable t =
        ConfigFiles.parse("[\"foo\"]\nbar = 1\n[\"foo.plugin\"]\nbaz = \"bla\"\n", "g.toml");
    Namespaces ns = new Namespaces(t, List.of("foo.plugin"), Set.of());
    assertThat(received(ns, "foo.plugin")).isEqualTo(Map.of("bar", 1L, "baz", "bla"));
  }

  @Test
  void chainListsEveryDottedPrefix() {
    assertThat(Namespaces.chain("a.b.c")).containsExactly("a", "a.b", "a.b.c");
    assertThat(Namespaces.chain("ffwd")).containsExactly("ffwd");
  }
}
