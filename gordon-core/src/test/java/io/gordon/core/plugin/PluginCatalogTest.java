package io.gordon.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.PluginKind;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCatalogTest {
  private static final String SERVICES = "META-INF/services/io.gordon.api.plugin.PluginFactory";

  @TempDir Path dir;

  private PluginCatalog fixtures() {
    URL root = getClass().getResource("/fixture-plugins/");
    return PluginCatalog.load(new URLClassLoader(new URL[] {root}, getClass().getClassLoader()));
  }

  @Test
  void brokenFactoriesAreReportedAndTheRestAreFound() {
    PluginCatalog c = fixtures();
    assertThat(c.find("fixture.good")).isPresent();
    assertThat(c.find("fixture.fine")).get().isEqualTo(c.find("fixture.good").orElseThrow());
    assertThat(c.problems())
        .containsExactly(
            "cannot load a plugin factory: io.gordon.api.plugin.PluginFactory: Provider "
                + "io.gordon.core.plugin.fixtures.ThrowingFactory could not be instantiated "
                + "(java.lang.IllegalStateException: factory broken)",
            "cannot load a plugin factory: io.gordon.api.plugin.PluginFactory: Provider "
                + "io.gordon.core.plugin.fixtures.MissingFactory not found",
            "plugin factory io.gordon.core.plugin.fixtures.NamelessFactory is broken: "
                + "java.lang.UnsupportedOperationException: no name");
  }

  @Test
  void factoriesInJarsOfThePluginsDirectoryAreFound() throws Exception {
    Files.createDirectories(dir.resolve("plugins"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("plugins/extra.jar"));
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(SERVICES));
      jar.write("io.gordon.core.plugin.fixtures.GoodFactory\n".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    PluginCatalog c = PluginCatalog.discover(dir);
    assertThat(c.find("fixture.good"))
        .get()
        .extracting(i -> i.factory().kind())
        .isEqualTo(PluginKind.HANDLER);
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void withoutAPluginsDirectoryOnlyTheClassPathIsSearched() {
    assertThat(PluginCatalog.discover(dir).find("fixture.good")).isEmpty();
  }

  @Test
  void aNameClaimedTwiceKeepsTheFirstFactory() {
    PluginCatalog c = PluginCatalog.of(List.of(Fakes.source("a"), Fakes.handler("a", "x")));
    assertThat(c.all()).hasSize(1);
    assertThat(c.problems())
        .containsExactly(
            "plugin name \"a\" is claimed by both "
                + "io.gordon.core.plugin.Fakes$Factory (built-in) and io.gordon.core.plugin.Fakes$Factory"
                + " (built-in); the second is ignored");
  }

  @Test
  void notInstalledMessagesMentionFactoriesThatFailedToLoad() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), "[core]\nplugins = [\"fixture.throwing\"]\n");
    PluginLoader loader = new PluginLoader(fixtures(), java.time.Clock.systemUTC(), System::getenv);
    io.gordon.api.ConfigException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            io.gordon.api.ConfigException.class,
            () -> loader.load(io.gordon.core.config.ConfigFiles.load(dir), PluginLoader.Mode.RUN));
    assertThat(e.problems().get(0))
        .isEqualTo(
            dir
                + "/gordon.toml:2:1: core.plugins: plugin "
                + "\"fixture.throwing\" is not installed (installed: fixture.fine, fixture.good); note: "
                + String.join("; ", fixtures().problems()));
  }

  @Test
  void janitorPluginsHaveTheirOwnNamespaceWhereTheyWin() {
    Fakes.Factory enricher =
        new Fakes.Factory(
            "gcp.enricher",
            List.of("gcp.gce"),
            PluginKind.HANDLER,
            io.gordon.api.config.ConfigSpec.empty(),
            c -> null);
    Fakes.Factory authority = Fakes.factory("gcp.gce", PluginKind.AUTHORITY, c -> null);
    PluginCatalog service = PluginCatalog.of(List.of(enricher, authority));
    assertThat(service.problems()).isEmpty();
    assertThat(service.find("gcp.gce"))
        .get()
        .extracting(i -> i.factory().kind())
        .isEqualTo(PluginKind.HANDLER);
    assertThat(service.forJanitor().find("gcp.gce"))
        .get()
        .extracting(i -> i.factory().kind())
        .isEqualTo(PluginKind.AUTHORITY);
    assertThat(service.forJanitor().find("gcp.enricher"))
        .get()
        .extracting(i -> i.factory().kind())
        .isEqualTo(PluginKind.HANDLER);
    assertThat(service.pluginNames()).containsExactly("gcp.enricher", "gcp.gce");
    assertThat(service.allNames()).containsExactly("gcp.enricher", "gcp.gce");
  }

  @Test
  void everySourceIsValidatedAgainstTheCommonSourceKeysDeclaredOnceByTheCore() {
    Fakes.Factory own =
        new Fakes.Factory(
            "b",
            List.of(),
            PluginKind.SOURCE,
            io.gordon.api.config.ConfigSpec.builder()
                .optional(
                    "max_msg_age",
                    io.gordon.api.config.ConfigType.DURATION,
                    java.time.Duration.ofSeconds(1),
                    io.gordon.api.config.Rule.any(),
                    "Its own.")
                .build(),
            ctx -> null);
    PluginCatalog c = PluginCatalog.of(List.of(Fakes.source("a"), own, Fakes.handler("h", "x")));
    assertThat(c.find("a").orElseThrow().spec().key("max_msg_age"))
        .contains(io.gordon.api.config.SourceKeys.MAX_MSG_AGE.declaration());
    assertThat(c.find("b").orElseThrow().spec().keys())
        .containsExactly(io.gordon.api.config.SourceKeys.MAX_MSG_AGE.declaration());
    assertThat(c.find("h").orElseThrow().spec().keys()).isEmpty();
  }
}
