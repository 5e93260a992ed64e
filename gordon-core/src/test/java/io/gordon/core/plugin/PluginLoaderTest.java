package io.gordon.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gordon.api.ConfigException;
import io.gordon.api.PermanentException;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.ConfigFiles;
import io.gordon.core.plugin.PluginLoader.Loaded;
import io.gordon.core.plugin.PluginLoader.Mode;
import io.gordon.core.runtime.Assembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {
  static final String ROUTE =
      "[core.route]\nconsume = \"enrich\"\nenrich = \"publish\"\n" + "publish = \"cleanup\"\n";
  static final ConfigSpec GCP =
      ConfigSpec.builder()
          .required("project", ConfigType.STRING, Rule.nonEmpty(), "Project.")
          .build();

  @TempDir Path dir;
  final List<PluginFactory> factories =
      new ArrayList<>(
          List.of(
              Fakes.source("src"),
              Fakes.handler("enr", "enrich"),
              Fakes.provider("pub", "example.com."),
              Fakes.relay("relay"),
              Fakes.factory("sink", PluginKind.DEAD_LETTER, c -> new Fakes.Sink()),
              new Fakes.Factory(
                  "gcp.publisher",
                  List.of("gcp.gdns"),
                  PluginKind.PROVIDER,
                  GCP,
                  c -> new Fakes.Provider(java.util.Set.of("example.org.")))));

  private Loaded load(String toml, Mode mode) throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), toml);
    return new PluginLoader(
            PluginCatalog.of(factories),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
            Map.<String, String>of()::get)
        .load(ConfigFiles.load(dir), mode);
  }

  private Loaded load(String toml) throws Exception {
    return load(toml, Mode.RUN);
  }

  private List<String> problems(String toml) throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), toml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(toml));
    assertThat(e).as("expected the load to fail").isNotNull();
    return e.problems().stream().map(p -> p.replace(dir + "/", "")).toList();
  }

  private static String core(String plugins) {
    return "[core]\nplugins = [" + plugins + "]\nmetrics = \"relay\"\n" + ROUTE;
  }

  @Test
  void loadsEveryListedPluginIntoTheAssembly() throws Exception {
    Loaded l = load(core("\"src\", \"enr\", \"pub\", \"sink\""));
    Assembly a = l.assembly();
    assertThat(a.sources()).extracting(Assembly.Named::name).containsExactly("src");
    assertThat(a.handlers()).extracting(Assembly.Named::name).containsExactly("src", "enr");
    assertThat(a.providers()).extracting(Assembly.Named::name).containsExactly("pub");
    assertThat(a.deadLetterSink()).get().extracting(Assembly.Named::name).isEqualTo("sink");
    assertThat(a.startOrder())
        .extracting(Assembly.Named::name)
        .containsExactly("sink", "pub", "enr", "src");
    assertThat(a.metrics()).isInstanceOf(Fakes.Relay.class);
    assertThat(a.settings().route()).containsEntry("consume", "enrich");
    assertThat(a.health().summary()).containsOnlyKeys("src", "enr", "pub", "pub.ownership", "sink");
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void recordsReadFromTheProviderManagingTheName() throws Exception {
    Assembly a =
        load(core("\"src\", \"enr\", \"pub\", \"gcp.publisher\"")
                .replace("[core.route]", "[gcp]\nproject = \"p\"\n[core.route]")
                .replace("publish = \"cleanup\"", "publish = \"cleanup\"\n"))
            .assembly();
    Fakes.Handler h = (Fakes.Handler) a.handlers().get(1).plugin();
    assertThat(h.context().records().read("www.Example.com", RecordType.A)).isPresent();
    assertThatThrownBy(() -> h.context().records().read("www.example.net.", RecordType.A))
        .isInstanceOf(PermanentException.class)
        .hasMessage(
            "cannot read DNS records of "
                + "www.example.net.: no configured DNS provider manages it (managed zones: "
                + "example.com., example.org.)");
  }

  @Test
  void aPluginThatIsNotInstalledIsNamedWithTheClosestInstalledOne() throws Exception {
    assertThat(problems(core("\"src\", \"enr\", \"pbu\"")))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: plugin \"pbu\" is not installed; did you mean \"pub\"?"
                + " (installed: enr, gcp.gdns, gcp.publisher, pub, sink, src)");
  }

  @Test
  void aFactoryWhoseCreateThrowsIsNamedWithTheCause() throws Exception {
    factories.add(
        Fakes.factory(
            "boom",
            PluginKind.HANDLER,
            c -> {
              throw new IllegalStateException("no socket");
            }));
    assertThat(problems(core("\"src\", \"boom\", \"pub\"")))
        .containsExactly(
            "gordon.toml:2:1: boom: could not be created: java.lang.IllegalStateException: "
                + "no socket");
  }

  @Test
  void aGordonExceptionFromCreateIsShownByItsMessage() throws Exception {
    factories.add(
        Fakes.factory(
            "keyed",
            PluginKind.HANDLER,
            c -> {
              throw new io.gordon.api.PluginLoadException("keyed", "keyfile /k.json was not found");
            }));
    assertThat(problems(core("\"src\", \"keyed\", \"pub\"")))
        .containsExactly(
            "gordon.toml:2:1: keyed: could not be created: keyfile /k.json was not found");
  }

  @Test
  void aFactoryReturningTheWrongKindIsRejected() throws Exception {
    factories.add(Fakes.factory("odd", PluginKind.SOURCE, c -> new Fakes.Sink()));
    assertThat(problems(core("\"odd\", \"enr\", \"pub\"")))
        .containsExactly(
            "gordon.toml:2:1: odd: factory io.gordon.core.plugin.Fakes$Factory returned a "
                + "io.gordon.core.plugin.Fakes$Sink, which is not a EventSource (kind SOURCE)");
  }

  @Test
  void invalidPluginConfigIsReportedWithItsPosition() throws Exception {
    assertThat(problems(core("\"src\", \"enr\", \"gcp.gdns\"") + "[gcp.gdns]\nproject = 3\n"))
        .containsExactly(
            "gordon.toml:9:1: gcp.gdns.project: invalid value 3 (expected a "
                + "string, not empty)");
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    factories.add(
        Fakes.factory(
            "boom",
            PluginKind.HANDLER,
            c -> {
              throw new IllegalStateException("no socket");
            }));
    assertThat(
            problems(
                core("\"src\", \"boom\", \"nope\", \"gcp.publisher\"")
                    .replace("metrics = \"relay\"", "metrics = \"relya\"")))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: plugin \"nope\" is not installed (installed: boom, enr,"
                + " gcp.gdns, gcp.publisher, pub, sink, src)",
            "gordon.toml:2:1: gcp.publisher.project: missing required key; set it in "
                + "[gcp.publisher] or [gcp] (expected a string, not empty)",
            "gordon.toml:3:1: core.metrics: metrics relay \"relya\" is not installed; did you mean "
                + "\"relay\"? (available: relay)",
            "gordon.toml:2:1: boom: could not be created: java.lang.IllegalStateException: "
                + "no socket");
  }

  @Test
  void inDebugModeBrokenPluginsAreSkippedWithWarningsAndTheRouteGoesAroundThem() throws Exception {
    factories.add(
        Fakes.factory(
            "boom",
            PluginKind.HANDLER,
            c -> {
              c.health();
              throw new IllegalStateException("no socket");
            }));
    Loaded l =
        load(
            core("\"src\", \"boom\", \"nope\", \"pub\"")
                .replace("metrics = \"relay\"", "metrics = \"relay\"\ndebug = true"));
    assertThat(l.assembly().startOrder())
        .extracting(Assembly.Named::name)
        .containsExactly("pub", "src");
    assertThat(l.assembly().settings().route())
        .isEqualTo(Map.of("consume", "publish", "publish", "cleanup"));
    assertThat(l.assembly().health().problems())
        .containsExactly("pub: not started", "src: not started");
    assertThat(l.warnings().stream().map(w -> w.replace(dir + "/", "")))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: plugin \"nope\" is not installed (installed: boom, enr,"
                + " gcp.gdns, gcp.publisher, pub, sink, src); skipping nope (core.debug = true)",
            "gordon.toml:2:1: boom: could not be created: java.lang.IllegalStateException: "
                + "no socket; skipping boom (core.debug = true)",
            "gordon.toml:6:1: core.route.consume: no loaded plugin handles phase \"enrich\" "
                + "(expected one of: cleanup, publish); routing around it (core.debug = true)",
            "gordon.toml:7:1: core.route.enrich: no loaded plugin has phase \"enrich\" (expected "
                + "one of: cleanup, consume, publish); routing around it (core.debug = true)");
  }

  @Test
  void inDebugModeAMissingRelayFallsBackToNoMetricsWithAWarning() throws Exception {
    Loaded l =
        load(
            core("\"src\", \"enr\", \"pub\"")
                .replace("metrics = \"relay\"", "metrics = \"statsd\"\ndebug = true"));
    assertThat(l.assembly().metrics()).isNotInstanceOf(Fakes.Relay.class);
    assertThat(l.warnings().stream().map(w -> w.replace(dir + "/", "")))
        .containsExactly(
            "gordon.toml:3:1: core.metrics: metrics relay \"statsd\" is not installed (available: "
                + "relay); skipping statsd (core.debug = true)");
  }

  @Test
  void aSecondDeadLetterPluginIsRejected() throws Exception {
    factories.add(Fakes.factory("sink2", PluginKind.DEAD_LETTER, c -> new Fakes.Sink()));
    assertThat(problems(core("\"src\", \"enr\", \"pub\", \"sink\", \"sink2\"")))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: only one dead-letter plugin may be "
                + "listed, got \"sink\" and \"sink2\"");
  }

  @Test
  void pluginsReceiveTheirValidatedConfigAndTheCoreServices() throws Exception {
    Assembly a =
        load(core("\"src\", \"enr\", \"gcp.gdns\"")
                .replace(
                    "publish = \"cleanup\"",
                    "publish = \"cleanup\"\n[gcp]\nproject = \"shared\"\n"))
            .assembly();
    assertThat(a.providers().get(0).name()).isEqualTo("gcp.gdns");
    assertThat(a.providers().get(0).config().string("project")).isEqualTo("shared");
    Fakes.Handler h = (Fakes.Handler) a.handlers().get(1).plugin();
    assertThat(h.context().pluginName()).isEqualTo("enr");
    assertThat(h.context().metrics()).isSameAs(a.metrics());
    assertThat(h.context().events()).isSameAs(a.codec());
    assertThat(h.context().configRoot()).isEqualTo(dir);
    assertThat(h.context().clock().instant()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void checkModeIgnoresDebug() throws Exception {
    Files.writeString(dir.resolve("gordon.toml"), "");
    assertThatThrownBy(
            () ->
                load(
                    core("\"src\", \"nope\", \"pub\"")
                        .replace("metrics = \"relay\"", "metrics = \"relay\"\ndebug = true"),
                    Mode.CHECK))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("\"nope\" is not installed");
  }

  @Test
  void atLeastOneSourceAndOneHandlerOrProviderAreRequired() throws Exception {
    assertThat(problems("[core]\nplugins = []\nmetrics = \"relay\"\n"))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: no event source is loaded (expected at least one "
                + "plugin of kind SOURCE, see gordon plugins)",
            "gordon.toml:2:1: core.plugins: no handler or DNS provider is loaded (expected at least"
                + " one plugin of kind HANDLER or PROVIDER, see gordon plugins)");
  }

  @Test
  void relaysAreChosenByCoreMetricsNotCorePlugins() throws Exception {
    assertThat(
            problems(
                core("\"src\", \"pub\", \"relay\"")
                    .replace(
                        "consume = \"enrich\"\n" + "enrich = \"publish\"",
                        "consume = \"publish\"")))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: \"relay\" is a metrics relay; select it with "
                + "core.metrics = \"relay\" instead");
  }

  @Test
  void aPluginListedUnderTwoNamesIsRejected() throws Exception {
    assertThat(
            problems(core("\"src\", \"gcp.publisher\", \"gcp.gdns\"") + "[gcp]\nproject = \"p\"\n"))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: plugin \"gcp.publisher\" is listed twice (as "
                + "\"gcp.publisher\" and \"gcp.gdns\")");
  }

  @Test
  void routePhasesMustBelongToLoadedPlugins() throws Exception {
    assertThat(
            problems(
                "[core]\nplugins = [\"src\", \"pub\"]\nmetrics = \"relay\"\n"
                    + "[core.route]\nconsume = \"enrich\"\nenrich = \"publish\"\npublish = \"cleanup\"\n"))
        .containsExactly(
            "gordon.toml:5:1: core.route.consume: no loaded plugin handles phase \"enrich\" "
                + "(expected one of: cleanup, publish)",
            "gordon.toml:6:1: core.route.enrich: no loaded plugin has phase \"enrich\" "
                + "(expected one of: cleanup, consume, publish)");
  }

  @Test
  void loopsAreRejectedNamingTheCycle() throws Exception {
    assertThat(
            problems(
                "[core]\nplugins = [\"src\", \"enr\", \"pub\"]\nmetrics = \"relay\"\n"
                    + "[core.route]\nconsume = \"enrich\"\nenrich = \"publish\"\npublish = \"enrich\"\n"))
        .containsExactly(
            "gordon.toml:4:1: core.route: the route loops: enrich -> publish -> "
                + "enrich (expected a route that ends, e.g. in \"cleanup\")");
  }

  /**
   * docs/operations.md documents this default and the examples of docs/kafka.md, rfc2136.md and
   * janitor.md rely on it; the check refused it ("which has no route") before the router could
   * apply it (acceptance pass).
   */
  @Test
  void withoutARouteASourceGoesToPublishThenCleanup() throws Exception {
    Loaded l = load("[core]\nplugins = [\"src\", \"pub\"]\nmetrics = \"relay\"\n");
    assertThat(l.assembly().settings().route())
        .isEqualTo(Map.of("consume", "publish", "publish", "cleanup"));
  }

  @Test
  void withoutARouteAnEnricherIsRoutedBetweenConsumeAndPublish() throws Exception {
    Loaded l = load("[core]\nplugins = [\"src\", \"enr\", \"pub\"]\nmetrics = \"relay\"\n");
    assertThat(l.assembly().settings().route())
        .isEqualTo(Map.of("consume", "enrich", "enrich", "publish", "publish", "cleanup"));
    assertThat(l.warnings()).isEmpty();
  }

  @Test
  void aSourceWhoseStartPhaseHasNoRouteIsRejected() throws Exception {
    assertThat(
            problems(
                "[core]\nplugins = [\"src\", \"pub\"]\nmetrics = \"relay\"\n"
                    + "[core.route]\npublish = \"cleanup\"\n"))
        .containsExactly(
            "gordon.toml:4:1: core.route: source \"src\" starts messages in phase \"consume\", "
                + "which has no route (expected e.g. consume = \"publish\")");
  }

  @Test
  void anUnreachedHandlerIsAWarning() throws Exception {
    Loaded l =
        load(
            "[core]\nplugins = [\"src\", \"enr\", \"pub\"]\nmetrics = \"relay\"\n"
                + "[core.route]\nconsume = \"publish\"\nenrich = \"publish\"\n");
    assertThat(l.warnings().stream().map(w -> w.replace(dir + "/", "")))
        .containsExactly(
            "gordon.toml:4:1: core.route: phase \"enrich\" of plugin \"enr\" is never reached from "
                + "a source's start phase");
  }

  @Test
  void twoHandlersForOnePhaseAreRejected() throws Exception {
    factories.add(Fakes.handler("enr2", "enrich"));
    assertThat(problems(core("\"src\", \"enr\", \"enr2\", \"pub\"")))
        .containsExactly(
            "gordon.toml:2:1: core.plugins: plugins \"enr\" and \"enr2\" all handle phase "
                + "\"enrich\" (expected one plugin per phase)");
  }
}
