package io.gordon.service;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.SourceKeys;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.ConfigValues;
import io.gordon.core.config.CoreSpec;
import io.gordon.core.janitor.JanitorSpec;
import io.gordon.core.plugin.PluginCatalog;
import java.util.List;
import java.util.TreeMap;

/**
 * Renders docs/configuration.md from the declared keys: the core tables, every metrics relay and
 * every plugin in a catalog. Deterministic, so that a test can tell when the committed file is
 * stale.
 */
final class ConfigReference {
  static final String REGENERATE = "bin/gordon docs config --output docs/configuration.md";

  private ConfigReference() {}

  static String markdown(PluginCatalog catalog) {
    StringBuilder sb = new StringBuilder(INTRO.replace("@REGENERATE@", REGENERATE));
    sb.append("\n## Core\n");
    new TreeMap<>(CoreSpec.tables())
        .forEach(
            (path, spec) -> {
              sb.append("\n### `[").append(path).append("]`\n\n");
              if (path.equals("core")) {
                sb.append(
                    "`[core.route]` is a free-form table: each key is a phase, its value the "
                        + "next phase (see above).\n\n");
              }
              table(sb, spec);
            });
    sb.append("\n### `[")
        .append(JanitorSpec.TABLE)
        .append(
            "]`\n\nRead by `gordon janitor`"
                + " and, for `interval`, by `gordon run` (see docs/janitor.md). Janitor plugins (kinds"
                + " AUTHORITY, ZONE_READER, EVENT_PUBLISHER) are listed in `janitor.plugins`, or in"
                + " `core.plugins` of gordon-janitor.toml.\n\n");
    table(sb, JanitorSpec.SPEC);
    sb.append(
        "\n## Metrics relays\n\nChosen with `core.metrics`; each reads the top-level "
            + "table of its own name.\n");
    List<PluginCatalog.Installed> relays = catalog.ofKind(PluginKind.METRICS);
    if (relays.isEmpty()) {
      sb.append("\n(none installed)\n");
    }
    relays.forEach(r -> plugin(sb, r, "[" + r.name() + "]"));
    sb.append(
        "\n## Plugins\n\nListed in `core.plugins`. A plugin named `a.b` reads `[a]` "
            + "and `[a.b]`, the more specific table winning.\n");
    sb.append(
        "\n### Keys every source accepts\n\nDeclared once by the core, which applies them"
            + " when a source submits an event; they go in the source's own tables like its other"
            + " keys.\n\n");
    table(sb, SourceKeys.SPEC);
    catalog.all().stream()
        .filter(i -> i.factory().kind() != PluginKind.METRICS)
        .forEach(i -> plugin(sb, i, tables(i.name())));
    return sb.toString();
  }

  private static String tables(String name) {
    StringBuilder sb = new StringBuilder();
    int i = -1;
    while ((i = name.indexOf('.', i + 1)) >= 0) {
      sb.append('[').append(name, 0, i).append("], ");
    }
    return sb.append('[').append(name).append(']').toString();
  }

  private static void plugin(StringBuilder sb, PluginCatalog.Installed i, String tables) {
    PluginFactory f = i.factory();
    sb.append("\n### `").append(f.name()).append("` (").append(f.kind()).append(")\n\n");
    sb.append(cell(f.description())).append("\n\n");
    if (!f.aliases().isEmpty()) {
      sb.append("Aliases: ")
          .append(String.join(", ", f.aliases().stream().map(a -> "`" + a + "`").toList()))
          .append(".\n\n");
    }
    sb.append("Tables: `").append(tables).append("`.");
    ConfigSpec own = i.spec();
    if (f.kind() == PluginKind.SOURCE) {
      sb.append(" Also takes the [keys every source accepts](#keys-every-source-accepts).");
      ConfigSpec.Builder b = ConfigSpec.builder();
      own.keys().stream().filter(k -> !SourceKeys.common(k)).forEach(b::add);
      own = b.build();
    }
    sb.append("\n\n");
    table(sb, own);
  }

  private static void table(StringBuilder sb, ConfigSpec spec) {
    if (spec.keys().isEmpty()) {
      sb.append("No keys.\n");
      return;
    }
    sb.append("| key | type | default | description |\n|---|---|---|---|\n");
    for (ConfigKey k : spec.keys()) {
      String name =
          "`"
              + k.name()
              + "`"
              + k.aliases().stream().map(a -> " (or `" + a + "`)").reduce("", String::concat);
      String def =
          k.required()
              ? "**required**"
              : k.defaultValue().map(d -> "`" + ConfigValues.repr(d) + "`").orElse("none");
      String type =
          k.type().description()
              + (k.defaultPort().isPresent()
                  ? " (port " + k.defaultPort().getAsInt() + " when omitted)"
                  : "")
              + (k.rule().description().isEmpty() ? "" : ", " + k.rule().description());
      sb.append("| ")
          .append(name)
          .append(" | ")
          .append(cell(type))
          .append(" | ")
          .append(cell(def))
          .append(" | ")
          .append(cell(k.doc()))
          .append(" |\n");
    }
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static final String INTRO =
      """
      # Configuration reference

      <!-- Generated from the declared keys by `@REGENERATE@`. Do not edit by hand. -->

      gordon reads `gordon.toml`, then `gordon-user.toml`, from the config directory (`-c DIR`,
      default the working directory). Either may be missing, not both. The second is
      deep-merged over the first: tables merge key by key, every other value (lists included)
      replaces the one below it. `gordon config` prints the merged result with the origin of
      every value; `gordon config --plugin NAME` prints exactly what one plugin receives.

      **Plugin tables.** A plugin named `a.b` receives the keys of `[a]` overridden by those of
      `[a.b]`; it never sees `[core]` nor another plugin's table. A quoted table name holding
      dots (`["a.b"]`) is the same table as `[a.b]`. A key in a plugin's own table that the
      plugin does not declare is an error; a key in a shared parent table (e.g. `[gcp]`) is an
      error only when no active plugin of that namespace declares it. Tables no installed plugin
      uses are ignored with a warning.

      **Values.** *duration*: seconds as a number (`30`, `0.5`) or a string with a unit (`"250ms"`,
      `"30s"`, `"5m"`, `"1h"`). *list of strings*: a single string is a one-element list.
      *secret*: a string, `{ env = "NAME" }` (an environment variable) or `{ file = "path" }`
      (a file, relative to the config directory; trailing whitespace removed); secrets are never
      printed.

      **Errors.** Every problem is reported at once, as `FILE:LINE:COL: KEY: problem (expected
      ...)`; nothing starts until the configuration is valid. With `core.debug = true`, a plugin
      that is not installed, cannot be created or has invalid configuration is skipped with a
      warning instead (the route then skips its phase); problems in `[core]` always stop
      gordon. Exit status 2 means invalid configuration.

      **Route.** `[core.route]` maps each phase to the next, e.g. `consume = "enrich"`,
      `enrich = "publish"`, `publish = "cleanup"`. Every phase must belong to a loaded plugin (a
      source's start phase, or a handler's or provider's phase), except the final `cleanup`;
      each source's start phase must be routed; loops are rejected. Without `[core.route]` (or
      with it empty) the route is `consume -> enrich -> publish -> cleanup` when a handler serves
      `enrich`, else `consume -> publish -> cleanup`; `gordon config` prints that route as the
      `[core.route]` table, each entry marked `# default route`.
      """;
}
